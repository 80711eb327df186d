import {
  FACILITY_KIND_LABELS_ZH,
  FACILITY_KINDS,
  FACILITY_STATUS_LABELS_ZH,
  FACILITY_STATUSES,
  ROAD_CLASS_LABELS_ZH,
  ROAD_CLASSES,
  ROAD_SEGMENT_STATUS_LABELS_ZH,
  ROAD_SEGMENT_STATUSES,
  type FacilityKind,
} from '@onemap/domain/statuses'
import type { ImportLayer } from '@onemap/db/queries/import'
import { boolean, date, label, number, text, type AttributeProblems, type Properties } from './attributes.ts'

/** The geometry a layer's table stores; the importer converts single/multi forms to it where lossless. */
export type TargetGeometry = 'Point' | 'LineString' | 'MultiLineString' | 'MultiPolygon'

export interface LayerSpec {
  geometry: TargetGeometry
  /** Attribute names that hold the feature id, tried in order before the format's own feature id. */
  idFields: readonly string[]
  /** Maps a feature's attributes to the column values the db module expects, or records problems. */
  attributes(props: Properties, problems: AttributeProblems): Record<string, unknown>
}

const NAME_ZH = ['name_zh', 'name', '名称', '名字', 'mc']
const NAME_EN = ['name_en', 'english_name', '英文名称', '英文名']

const ROAD_STATUS_SYNONYMS: Record<string, (typeof ROAD_SEGMENT_STATUSES)[number]> = {
  拟建: 'planned',
  待建: 'planned',
  未建: 'planned',
  计划: 'planned',
  规划中: 'planned',
  施工: 'under_construction',
  施工中: 'under_construction',
  建设中: 'under_construction',
  开工: 'under_construction',
  在建中: 'under_construction',
  已建: 'completed',
  已建成: 'completed',
  完工: 'completed',
  竣工: 'completed',
  通车: 'completed',
  已通车: 'completed',
  现状: 'completed',
  停工: 'suspended',
  缓建: 'suspended',
  暂缓: 'suspended',
}
const FACILITY_STATUS_SYNONYMS: Record<string, (typeof FACILITY_STATUSES)[number]> = {
  拟建: 'planned',
  待建: 'planned',
  计划: 'planned',
  规划中: 'planned',
  在建: 'started',
  施工: 'started',
  施工中: 'started',
  建设中: 'started',
  已开工: 'started',
  under_construction: 'started',
  建成: 'completed',
  已建成: 'completed',
  完工: 'completed',
  已竣工: 'completed',
  投入使用: 'in_service',
  已投用: 'in_service',
  运营: 'in_service',
  开办: 'in_service',
  已开办: 'in_service',
  开园: 'in_service',
  停工: 'suspended',
  缓建: 'suspended',
  暂缓: 'suspended',
}
const ROAD_CLASS_SYNONYMS: Record<string, (typeof ROAD_CLASSES)[number]> = {
  快速: 'expressway',
  快速干道: 'expressway',
  城市快速路: 'expressway',
  主干道: 'arterial',
  主干: 'arterial',
  城市主干路: 'arterial',
  次干道: 'secondary',
  次干: 'secondary',
  城市次干路: 'secondary',
  支道: 'branch',
  街坊路: 'branch',
}
const FACILITY_KIND_SYNONYMS: Record<string, FacilityKind> = {
  小学: 'school',
  中学: 'school',
  初中: 'school',
  高中: 'school',
  九年一贯制学校: 'school',
  十二年一贯制学校: 'school',
  中小学: 'school',
  幼儿园: 'kindergarten',
  托幼: 'kindergarten',
  综合医院: 'hospital',
  专科医院: 'hospital',
  卫生院: 'clinic',
  社区医院: 'clinic',
  卫生服务站: 'clinic',
  诊所: 'clinic',
  社区卫生服务站: 'clinic',
  疾控中心: 'public_health',
  疾病预防控制中心: 'public_health',
}

/** Capacity unit implied by the facility kind when the file gives a capacity without one. */
const DEFAULT_CAPACITY_UNIT: Record<FacilityKind, 'seats' | 'places' | 'beds'> = {
  school: 'seats',
  kindergarten: 'places',
  hospital: 'beds',
  clinic: 'beds',
  public_health: 'beds',
}

function schedule(props: Properties, problems: AttributeProblems) {
  const planned_start = date(props, ['planned_start', '计划开工', '计划开工日期', '计划开始'], problems)
  const planned_finish = date(props, ['planned_finish', '计划完工', '计划竣工', '计划完成', '计划完工日期'], problems)
  const actual_start = date(props, ['actual_start', '开工日期', '实际开工', '实际开工日期'], problems)
  const actual_finish = date(
    props,
    ['actual_finish', '竣工日期', '完工日期', '实际竣工', '实际完成', '实际完工'],
    problems,
  )
  if (planned_start && planned_finish && planned_finish < planned_start)
    problems.errors.push('planned finish is before planned start')
  if (actual_start && actual_finish && actual_finish < actual_start)
    problems.errors.push('actual finish is before actual start')
  const in_programme = boolean(props, ['in_programme', '纳入计划', '纳入三年计划'], problems)
  return { planned_start, planned_finish, actual_start, actual_finish, in_programme }
}

function names(props: Properties, problems: AttributeProblems, zhFields = NAME_ZH) {
  const name_zh = text(props, zhFields)
  if (!name_zh) problems.errors.push(`has no name (field ${zhFields.slice(0, 3).join(' / ')})`)
  // Offices rarely deliver English names; the Chinese name stands in until one is entered.
  return { name_zh, name_en: text(props, NAME_EN) ?? name_zh }
}

export const LAYER_SPECS: Record<ImportLayer, LayerSpec> = {
  road_segments: {
    geometry: 'LineString',
    idFields: ['id', 'segment_id', '路段编号', '编号', '编码'],
    attributes(props, problems) {
      const status = label(
        props,
        ['status', '状态', '建设状态', '进度'],
        'status',
        {
          values: ROAD_SEGMENT_STATUSES,
          zh: ROAD_SEGMENT_STATUS_LABELS_ZH,
          synonyms: ROAD_STATUS_SYNONYMS,
        },
        problems,
      )
      if (!status && !problems.errors.some((e) => e.startsWith('unknown status')))
        problems.errors.push('has no status (field status / 状态)')
      const road_id = text(props, ['road_id', '道路编号', '道路编码'])
      const road_name_zh = text(props, ['road_name', 'road_name_zh', '道路名称', '路名', ...NAME_ZH])
      if (!road_id && !road_name_zh)
        problems.errors.push('names no road (field road_id / 道路编号 or road_name / 道路名称)')
      const width = number(
        props,
        ['red_line_width_m', 'red_line_width', '红线宽度', '红线宽', '道路宽度', 'width'],
        problems,
      )
      if (width !== undefined && !(width > 0 && width < 1000))
        problems.errors.push(`red-line width ${width} m is not plausible`)
      return {
        road_id,
        road_name_zh,
        road_name_en: text(props, ['road_name_en', ...NAME_EN]),
        class: label(
          props,
          ['class', 'road_class', '等级', '道路等级', '级别'],
          'road class',
          {
            values: ROAD_CLASSES,
            zh: ROAD_CLASS_LABELS_ZH,
            synonyms: ROAD_CLASS_SYNONYMS,
          },
          problems,
        ),
        red_line_width_m: width,
        status,
        ...schedule(props, problems),
      }
    },
  },
  facilities: {
    geometry: 'Point',
    idFields: ['id', 'facility_id', '设施编号', '编号', '编码'],
    attributes(props, problems) {
      const kind = label(
        props,
        ['kind', 'type', '类型', '类别', '设施类型'],
        'facility kind',
        {
          values: FACILITY_KINDS,
          zh: FACILITY_KIND_LABELS_ZH,
          synonyms: FACILITY_KIND_SYNONYMS,
        },
        problems,
      )
      if (!kind && !problems.errors.some((e) => e.startsWith('unknown facility kind')))
        problems.errors.push('has no kind (field kind / 类型)')
      const status = label(
        props,
        ['status', '状态', '建设状态', '进度'],
        'status',
        {
          values: FACILITY_STATUSES,
          zh: FACILITY_STATUS_LABELS_ZH,
          synonyms: FACILITY_STATUS_SYNONYMS,
        },
        problems,
      )
      if (!status && !problems.errors.some((e) => e.startsWith('unknown status')))
        problems.errors.push('has no status (field status / 状态)')
      const capacity = number(props, ['capacity', '规模', '学位', '床位', '学位数', '床位数'], problems)
      if (capacity !== undefined && !(Number.isInteger(capacity) && capacity > 0))
        problems.errors.push(`capacity ${capacity} is not a positive whole number`)
      const unit = text(props, ['capacity_unit', '规模单位'])
      const capacity_unit = unit ?? (capacity !== undefined && kind ? DEFAULT_CAPACITY_UNIT[kind] : undefined)
      if (capacity_unit && !['seats', 'beds', 'places'].includes(capacity_unit))
        problems.errors.push(`capacity unit '${capacity_unit}' is not seats, beds or places`)
      // Authoritative data describes real institutions unless the file says otherwise.
      const is_real = boolean(props, ['is_real', '是否真实'], problems) ?? true
      return { kind, ...names(props, problems), capacity, capacity_unit, status, is_real, ...schedule(props, problems) }
    },
  },
  rivers: {
    geometry: 'MultiLineString',
    idFields: ['id', 'river_id', '河流编号', '编号', '编码'],
    attributes(props, problems) {
      return {
        ...names(props, problems, ['name_zh', 'name', '名称', '河流名称', '河名']),
        river_chief: text(props, ['river_chief', '河长']),
        note: text(props, ['note', '备注']),
      }
    },
  },
  water_bodies: {
    geometry: 'MultiPolygon',
    idFields: ['id', '编号', '编码'],
    attributes: (props, problems) => names(props, problems, ['name_zh', 'name', '名称', '水体名称']),
  },
  sub_districts: {
    geometry: 'MultiPolygon',
    idFields: ['code', '区划代码', '行政区划代码', '代码', 'id'],
    attributes: (props, problems) => names(props, problems, ['name_zh', 'name', '名称', '乡镇街道', '街道名称']),
  },
  renewal_units: {
    geometry: 'MultiPolygon',
    idFields: ['id', 'unit_id', '单元编号', '编号', '编码'],
    attributes: (props, problems) => ({
      zone_id: text(props, ['zone_id', '片区编号', '所属片区']),
      ...names(props, problems, ['name_zh', 'name', '名称', '单元名称']),
    }),
  },
}
