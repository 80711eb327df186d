import { z } from 'zod'

/**
 * Fixed value lists of the domain. Each list is mirrored by a CHECK constraint in
 * packages/db/migrations; packages/db/src/checks.test.ts fails if the two drift.
 */

/** Construction status of a road segment. */
export const ROAD_SEGMENT_STATUSES = ['planned', 'under_construction', 'completed', 'suspended'] as const
export const RoadSegmentStatus = z.enum(ROAD_SEGMENT_STATUSES)
export type RoadSegmentStatus = z.infer<typeof RoadSegmentStatus>

/** Construction status of a public facility (school, hospital, …). */
export const FACILITY_STATUSES = ['planned', 'started', 'completed', 'in_service', 'suspended'] as const
export const FacilityStatus = z.enum(FACILITY_STATUSES)
export type FacilityStatus = z.infer<typeof FacilityStatus>

/** Kinds of public facility the programme promised to start. */
export const FACILITY_KINDS = ['school', 'kindergarten', 'hospital', 'clinic', 'public_health'] as const
export const FacilityKind = z.enum(FACILITY_KINDS)
export type FacilityKind = z.infer<typeof FacilityKind>

/** Chinese planning road classes: 快速路, 主干路, 次干路, 支路. */
export const ROAD_CLASSES = ['expressway', 'arterial', 'secondary', 'branch'] as const
export const RoadClass = z.enum(ROAD_CLASSES)
export type RoadClass = z.infer<typeof RoadClass>

/** Entities whose status is tracked in the append-only event log. */
export const EVENT_ENTITIES = ['road_segment', 'facility'] as const
export const EventEntity = z.enum(EVENT_ENTITIES)
export type EventEntity = z.infer<typeof EventEntity>

/**
 * Why an event row exists: a planner's edit, an admin's backwards correction, an import of
 * authoritative data, the sample seed, or a segment split.
 */
export const EVENT_KINDS = ['edit', 'correction', 'import', 'seed', 'split'] as const
export const EventKind = z.enum(EVENT_KINDS)
export type EventKind = z.infer<typeof EventKind>

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

/** Account roles: viewers read planner views, planners edit, admins also correct and manage users; a unit
 * account (责任单位) sees and answers only its own unit's supervision orders. */
export const ROLES = ['viewer', 'planner', 'admin', 'unit'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/** What an admin (or the command line) did to an account, as recorded in account_events. */
export const ACCOUNT_ACTIONS = ['create', 'role', 'password', 'disable', 'enable', 'end_sessions'] as const
export const AccountAction = z.enum(ACCOUNT_ACTIONS)
export type AccountAction = z.infer<typeof AccountAction>
