/**
 * The domain's fixed value lists and Chinese labels without any schema library, for the browser
 * bundle of the public site (zod stays on the server and in the planner's chunk). statuses.ts builds
 * its `z.enum`s from these same tuples, so there is still one list per value set.
 */

/** Construction status of a road segment. */
export const ROAD_SEGMENT_STATUSES = ['planned', 'under_construction', 'completed', 'suspended'] as const
export type RoadSegmentStatus = (typeof ROAD_SEGMENT_STATUSES)[number]

/** Construction status of a public facility (school, hospital, …). */
export const FACILITY_STATUSES = ['planned', 'started', 'completed', 'in_service', 'suspended'] as const
export type FacilityStatus = (typeof FACILITY_STATUSES)[number]

/** Kinds of public facility the programme promised to start. */
export const FACILITY_KINDS = ['school', 'kindergarten', 'hospital', 'clinic', 'public_health'] as const
export type FacilityKind = (typeof FACILITY_KINDS)[number]

/** Chinese planning road classes: 快速路, 主干路, 次干路, 支路. */
export const ROAD_CLASSES = ['expressway', 'arterial', 'secondary', 'branch'] as const
export type RoadClass = (typeof ROAD_CLASSES)[number]

/** Entities whose status is tracked in the append-only event log. */
export const EVENT_ENTITIES = ['road_segment', 'facility'] as const

/**
 * Why an event row exists: a planner's edit, an admin's backwards correction, an import of
 * authoritative data, the sample seed, or a segment split.
 */
export const EVENT_KINDS = ['edit', 'correction', 'import', 'seed', 'split'] as const

/** Account roles: viewers read planner views, planners edit, admins also correct and manage users; a unit
 * account (责任单位) sees and answers only its own unit's supervision orders. */
export const ROLES = ['viewer', 'planner', 'admin', 'unit'] as const

/** Chinese labels for display and for mapping imported attribute values. */
export const ROAD_CLASS_LABELS_ZH: Record<RoadClass, string> = {
  expressway: '快速路',
  arterial: '主干路',
  secondary: '次干路',
  branch: '支路',
}

export const ROAD_SEGMENT_STATUS_LABELS_ZH: Record<RoadSegmentStatus, string> = {
  planned: '规划',
  under_construction: '在建',
  completed: '建成',
  suspended: '暂停',
}

export const FACILITY_STATUS_LABELS_ZH: Record<FacilityStatus, string> = {
  planned: '规划',
  started: '开工',
  completed: '竣工',
  in_service: '投用',
  suspended: '暂停',
}

export const FACILITY_KIND_LABELS_ZH: Record<FacilityKind, string> = {
  school: '学校',
  kindergarten: '幼儿园',
  hospital: '医院',
  clinic: '社区卫生服务中心',
  public_health: '公共卫生服务中心',
}

/** English labels, for the English site and the English Atom feeds. */
export const ROAD_CLASS_LABELS_EN: Record<RoadClass, string> = {
  expressway: 'Expressway',
  arterial: 'Arterial',
  secondary: 'Secondary',
  branch: 'Branch',
}

export const ROAD_SEGMENT_STATUS_LABELS_EN: Record<RoadSegmentStatus, string> = {
  planned: 'Planned',
  under_construction: 'Under construction',
  completed: 'Built',
  suspended: 'Suspended',
}

export const FACILITY_STATUS_LABELS_EN: Record<FacilityStatus, string> = {
  planned: 'Planned',
  started: 'Started',
  completed: 'Completed',
  in_service: 'In service',
  suspended: 'Suspended',
}

export const FACILITY_KIND_LABELS_EN: Record<FacilityKind, string> = {
  school: 'School',
  kindergarten: 'Kindergarten',
  hospital: 'Hospital',
  clinic: 'Community health centre',
  public_health: 'Public health centre',
}

/**
 * Status colours of every light map, legend, list and card: the public site, the /plan workbench and the
 * weekly brief (the wall's dark stage has its own palette, apps/web wall-colours.ts). Each is ≥ 3:1 against
 * the light basemap and white (WCAG 2.1 non-text contrast, 1.4.11), and every place also names the status
 * in words. A stage has one hue for roads and facilities; a completed facility is blue because it is built
 * but not yet in service (green).
 */
export const ROAD_SEGMENT_STATUS_COLOURS: Record<RoadSegmentStatus, string> = {
  planned: '#6b7280',
  under_construction: '#b45309',
  completed: '#15803d',
  suspended: '#b91c1c',
}

export const FACILITY_STATUS_COLOURS: Record<FacilityStatus, string> = {
  planned: '#6b7280',
  started: '#b45309',
  completed: '#1d4ed8',
  in_service: '#15803d',
  suspended: '#b91c1c',
}
