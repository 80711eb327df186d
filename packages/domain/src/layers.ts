import {
  FACILITY_KIND_LABELS_ZH,
  FACILITY_KINDS,
  FACILITY_STATUSES,
  ROAD_CLASSES,
  ROAD_SEGMENT_STATUS_LABELS_ZH,
  ROAD_SEGMENT_STATUSES,
} from './statuses.ts'
import { ROAD_SEGMENT_STATUS_COLOURS } from './values.ts'

/**
 * The fixed catalogue of layer ids. Tables, tile routes and OGC collections are looked up here,
 * never built from request input. Each id is also the table whose writes bump `layer_versions`.
 */
export const LAYER_IDS = [
  'zone_boundary',
  'sub_districts',
  'renewal_zones',
  'renewal_units',
  'roads',
  'road_segments',
  'facilities',
  'rivers',
  'water_bodies',
] as const
export type LayerId = (typeof LAYER_IDS)[number]

/** Layers with a geometry, served as tiles, features and OGC collections ('roads' is attributes only). */
export const MAP_LAYER_IDS = [
  'zone_boundary',
  'sub_districts',
  'renewal_zones',
  'renewal_units',
  'road_segments',
  'facilities',
  'rivers',
  'water_bodies',
] as const satisfies readonly LayerId[]
export type MapLayerId = (typeof MAP_LAYER_IDS)[number]

export type GeometryType = 'MultiPolygon' | 'LineString' | 'MultiLineString' | 'Point'
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date'

/** A field the public map may receive. Planner-only columns (updated_by, note, version) are never listed. */
export interface LayerField {
  readonly name: string
  readonly type: FieldType
  readonly title_zh: string
  readonly title_en: string
  /** Values a field may take, for enums mirrored by CHECK constraints. */
  readonly values?: readonly string[]
}

/** Filters a layer accepts, in features.query, tile query parameters and OGC items alike. */
export const FILTER_NAMES = [
  'status',
  'class',
  'kind',
  'subDistrict',
  'renewalZone',
  'renewalUnit',
  'planned',
  'q',
] as const
export type FilterName = (typeof FILTER_NAMES)[number]

export interface LegendEntry {
  readonly value: string
  readonly label_zh: string
  readonly label_en: string
  /** CSS colour (#rrggbb). */
  readonly color: string
}

export interface LayerDefinition {
  readonly id: MapLayerId
  readonly title_zh: string
  readonly title_en: string
  readonly geometryType: GeometryType
  /** Column holding the feature id (text). */
  readonly idField: string
  /** Every public field, in output order; the id field comes first. */
  readonly fields: readonly LayerField[]
  /** The subset of fields vector tiles carry: what the map styles and labels with. */
  readonly tileFields: readonly string[]
  readonly filters: readonly FilterName[]
  /** The field the legend colours by, and its entries; absent for single-style layers. */
  readonly legendField?: string
  readonly legend: readonly LegendEntry[]
  /** Tables whose writes change this layer; its version is the sum of their versions. */
  readonly versionSources: readonly LayerId[]
  /** Smallest zoom at which tiles carry the layer (points and details are pointless when zoomed out). */
  readonly minZoom: number
}

const f = (
  name: string,
  type: FieldType,
  title_zh: string,
  title_en: string,
  values?: readonly string[],
): LayerField => (values ? { name, type, title_zh, title_en, values } : { name, type, title_zh, title_en })

const names = [f('name_zh', 'string', '名称', 'Name (Chinese)'), f('name_en', 'string', '英文名称', 'Name (English)')]
const planned = [
  f('planned_start', 'date', '计划开工', 'Planned start'),
  f('planned_finish', 'date', '计划完成', 'Planned finish'),
  f('actual_start', 'date', '实际开工', 'Actual start'),
  f('actual_finish', 'date', '实际完成', 'Actual finish'),
  f('in_programme', 'boolean', '纳入三年计划', 'In the programme'),
  // The revised plan (调整计划) recorded beside the immutable 2020 baseline; null until one is recorded.
  f('revised_start', 'date', '调整计划开工', 'Revised planned start'),
  f('revised_finish', 'date', '调整计划完成', 'Revised planned finish'),
]
// Read from the event log: what a suspended item was doing and since when (the public card says
// "暂停 N 天" and whether a suspended facility had started). Null unless the item is suspended.
const suspension = [
  f('suspended_from', 'string', '暂停前状态', 'Status before suspension'),
  f('suspended_since', 'date', '暂停日期', 'Suspended since'),
]

const ROAD_STATUS_EN = {
  planned: 'Planned',
  under_construction: 'Under construction',
  completed: 'Completed',
  suspended: 'Suspended',
}
const FACILITY_KIND_COLORS = {
  school: '#2563eb',
  kindergarten: '#db2777',
  hospital: '#dc2626',
  clinic: '#0d9488',
  public_health: '#7c3aed',
}
const FACILITY_KIND_EN = {
  school: 'School',
  kindergarten: 'Kindergarten',
  hospital: 'Hospital',
  clinic: 'Community health centre',
  public_health: 'Public health centre',
}

/** The served layers, in drawing order (bottom first). */
export const LAYERS: readonly LayerDefinition[] = [
  {
    id: 'zone_boundary',
    title_zh: '高新区范围',
    title_en: 'Zone boundary',
    geometryType: 'MultiPolygon',
    idField: 'id',
    fields: [f('id', 'string', '编号', 'Id'), f('code', 'string', '区划代码', 'Division code'), ...names],
    tileFields: ['id', 'name_zh', 'name_en'],
    filters: ['q'],
    legend: [{ value: 'zone', label_zh: '高新区', label_en: 'High-tech Zone', color: '#1e3a8a' }],
    versionSources: ['zone_boundary'],
    minZoom: 0,
  },
  {
    id: 'sub_districts',
    title_zh: '乡镇街道',
    title_en: 'Sub-districts',
    geometryType: 'MultiPolygon',
    idField: 'code',
    fields: [f('code', 'string', '区划代码', 'Division code'), ...names],
    tileFields: ['code', 'name_zh', 'name_en'],
    filters: ['q'],
    legend: [{ value: 'sub_district', label_zh: '乡镇街道', label_en: 'Sub-district', color: '#64748b' }],
    versionSources: ['sub_districts'],
    minZoom: 0,
  },
  {
    id: 'renewal_zones',
    title_zh: '产城更新片区',
    title_en: 'Renewal zones',
    geometryType: 'MultiPolygon',
    idField: 'id',
    fields: [f('id', 'string', '编号', 'Id'), ...names, f('area_km2', 'number', '面积(km²)', 'Area (km²)')],
    tileFields: ['id', 'name_zh', 'name_en', 'area_km2'],
    filters: ['subDistrict', 'q'],
    legend: [{ value: 'renewal_zone', label_zh: '更新片区', label_en: 'Renewal zone', color: '#ea580c' }],
    versionSources: ['renewal_zones'],
    minZoom: 0,
  },
  {
    id: 'renewal_units',
    title_zh: '更新单元',
    title_en: 'Renewal units',
    geometryType: 'MultiPolygon',
    idField: 'id',
    fields: [
      f('id', 'string', '编号', 'Id'),
      f('zone_id', 'string', '所属片区', 'Renewal zone'),
      ...names,
      f('area_km2', 'number', '面积(km²)', 'Area (km²)'),
    ],
    tileFields: ['id', 'zone_id', 'name_zh', 'name_en'],
    filters: ['subDistrict', 'renewalZone', 'q'],
    legend: [{ value: 'renewal_unit', label_zh: '更新单元', label_en: 'Renewal unit', color: '#fb923c' }],
    versionSources: ['renewal_units'],
    minZoom: 0,
  },
  {
    id: 'water_bodies',
    title_zh: '水面',
    title_en: 'Water bodies',
    geometryType: 'MultiPolygon',
    idField: 'id',
    fields: [f('id', 'string', '编号', 'Id'), ...names],
    tileFields: ['id', 'name_zh', 'name_en'],
    filters: ['subDistrict', 'q'],
    legend: [{ value: 'water', label_zh: '水面', label_en: 'Water', color: '#60a5fa' }],
    versionSources: ['water_bodies'],
    minZoom: 0,
  },
  {
    id: 'rivers',
    title_zh: '河流',
    title_en: 'Rivers',
    geometryType: 'MultiLineString',
    idField: 'id',
    fields: [
      f('id', 'string', '编号', 'Id'),
      ...names,
      f('river_chief', 'string', '河长', 'River chief'),
      f('river_chief_is_sample', 'boolean', '河长为示例', 'River chief is sample data'),
    ],
    tileFields: ['id', 'name_zh', 'name_en'],
    filters: ['subDistrict', 'renewalZone', 'renewalUnit', 'q'],
    legend: [{ value: 'river', label_zh: '河流', label_en: 'River', color: '#2563eb' }],
    versionSources: ['rivers'],
    minZoom: 0,
  },
  {
    id: 'road_segments',
    title_zh: '道路',
    title_en: 'Roads',
    geometryType: 'LineString',
    idField: 'id',
    fields: [
      f('id', 'string', '编号', 'Id'),
      f('road_id', 'string', '道路编号', 'Road id'),
      ...names,
      f('class', 'string', '道路等级', 'Road class', ROAD_CLASSES),
      f('red_line_width_m', 'number', '红线宽度(m)', 'Red-line width (m)'),
      f('status', 'string', '状态', 'Status', ROAD_SEGMENT_STATUSES),
      f('length_m', 'number', '长度(m)', 'Length (m)'),
      ...planned,
      ...suspension,
    ],
    tileFields: ['id', 'road_id', 'name_zh', 'name_en', 'class', 'status', 'in_programme'],
    filters: ['status', 'class', 'subDistrict', 'renewalZone', 'renewalUnit', 'planned', 'q'],
    legendField: 'status',
    legend: ROAD_SEGMENT_STATUSES.map((s) => ({
      value: s,
      label_zh: ROAD_SEGMENT_STATUS_LABELS_ZH[s],
      label_en: ROAD_STATUS_EN[s],
      color: ROAD_SEGMENT_STATUS_COLOURS[s],
    })),
    versionSources: ['road_segments', 'roads'],
    minZoom: 0,
  },
  {
    id: 'facilities',
    title_zh: '公共设施',
    title_en: 'Public facilities',
    geometryType: 'Point',
    idField: 'id',
    fields: [
      f('id', 'string', '编号', 'Id'),
      f('kind', 'string', '类型', 'Kind', FACILITY_KINDS),
      ...names,
      f('capacity', 'integer', '规模', 'Capacity'),
      f('capacity_unit', 'string', '规模单位', 'Capacity unit', ['seats', 'beds', 'places']),
      f('status', 'string', '状态', 'Status', FACILITY_STATUSES),
      f('is_real', 'boolean', '真实机构', 'Real institution'),
      ...planned,
      ...suspension,
    ],
    tileFields: ['id', 'kind', 'name_zh', 'name_en', 'status', 'in_programme'],
    filters: ['status', 'kind', 'subDistrict', 'renewalZone', 'renewalUnit', 'planned', 'q'],
    legendField: 'kind',
    legend: FACILITY_KINDS.map((k) => ({
      value: k,
      label_zh: FACILITY_KIND_LABELS_ZH[k],
      label_en: FACILITY_KIND_EN[k],
      color: FACILITY_KIND_COLORS[k],
    })),
    versionSources: ['facilities'],
    minZoom: 0,
  },
]

const BY_ID = new Map<string, LayerDefinition>(LAYERS.map((l) => [l.id, l]))

/** The layer definition for an id, or undefined for anything not in the catalogue. */
export function findLayer(id: string): LayerDefinition | undefined {
  return BY_ID.get(id)
}

/** The layers a write to `table` changes: those with it among their versionSources ('roads' feeds road_segments). */
export function layersFedBy(table: string): readonly LayerDefinition[] {
  return LAYERS.filter((l) => (l.versionSources as readonly string[]).includes(table))
}

/**
 * A layer's version from the versions of the tables (layer_versions): the sum over its versionSources,
 * the number tile URLs and layers.list carry. Undefined when one of them is not known.
 */
export function versionFromTables(layer: LayerDefinition, tables: ReadonlyMap<string, number>): number | undefined {
  let sum = 0
  for (const source of layer.versionSources) {
    const v = tables.get(source)
    if (v === undefined) return undefined
    sum += v
  }
  return sum
}
