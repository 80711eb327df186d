import type { FacilityKind } from '@onemap/domain/statuses'
import type { Position } from './geometry.ts'
import type { FacilityOutcome } from './timeline.ts'

/**
 * Public facilities. Real institutions sit at their reference-points.csv positions with that file's
 * accuracy; everything named "示例·… (sample)" is invented to show planned facilities of the kinds the
 * report promised (schools, kindergartens, community health centres), placed in the newer parts of
 * the zone. Outcomes are chosen by hand for a realistic mix; dates are drawn from the seeded stream.
 */
export interface FacilitySpec {
  id: string
  kind: FacilityKind
  name_zh: string
  name_en: string
  at: Position
  capacity: number | null
  is_real: boolean
  accuracy_m: number
  /** 'existing' = in service before the programme window (context, not a programme item). */
  outcome: FacilityOutcome | 'existing'
  /** A known real start date. */
  fixedStart?: string
}

const real = (
  id: string,
  kind: FacilityKind,
  name_zh: string,
  name_en: string,
  at: Position,
  accuracy_m: number,
): FacilitySpec => ({ id, kind, name_zh, name_en, at, capacity: null, is_real: true, accuracy_m, outcome: 'existing' })

const sample = (
  id: string,
  kind: FacilityKind,
  name_zh: string,
  name_en: string,
  at: Position,
  capacity: number,
  outcome: FacilityOutcome,
): FacilitySpec => ({
  id,
  kind,
  name_zh: `示例·${name_zh}`,
  name_en: `${name_en} (sample)`,
  at,
  capacity,
  is_real: false,
  // Invented sites: placed in a plausible block, nothing more.
  accuracy_m: 500,
  outcome,
})

export const FACILITIES: FacilitySpec[] = [
  // Real institutions, in service before 2020 (context). Capacities are not stated in the facts: null.
  real('f-zzu', 'school', '郑州大学 主校区', 'Zhengzhou University, main campus', [113.5325, 34.8181], 300),
  real(
    'f-haut',
    'school',
    '河南工业大学 莲花街校区',
    'Henan University of Technology, Lianhua Street campus',
    [113.5463, 34.8337],
    150,
  ),
  real(
    'f-zzuli',
    'school',
    '郑州轻工业大学 科学校区',
    'Zhengzhou University of Light Industry, Kexue campus',
    [113.5051, 34.8127],
    150,
  ),
  real('f-zzzx', 'school', '郑州中学', 'Zhengzhou High School', [113.5665, 34.8058], 150),
  real(
    'f-gxwgy',
    'school',
    '郑州高新区外国语小学',
    'Zhengzhou High-tech Zone Foreign Language Primary School',
    [113.5455, 34.8272],
    150,
  ),
  real('f-zzgj', 'school', '郑中国际学校', 'Zhengzhong International School', [113.57, 34.7894], 150),
  real(
    'f-zxyy-gx',
    'hospital',
    '郑州市中心医院 高新院区',
    'Zhengzhou Central Hospital, High-tech Zone campus',
    [113.5612, 34.8192],
    150,
  ),
  real('f-zzu-clinic', 'hospital', '郑州大学医院', 'Zhengzhou University Hospital (campus)', [113.5361, 34.8265], 300),
  real(
    'f-zyzyc-clinic',
    'clinic',
    '中原制药厂社区卫生服务站',
    'Zhongyuan Pharmaceutical Factory community health station',
    [113.5648, 34.7859],
    150,
  ),
  // The one real programme facility with a known date: started 2022-03-04, 1,000 beds.
  {
    id: 'f-gxyy',
    kind: 'hospital',
    name_zh: '郑州大学附属郑州中心医院高新医院',
    name_en: 'Gaoxin Hospital of Zhengzhou Central Hospital (Zhengzhou University)',
    at: [113.4816, 34.8359],
    capacity: 1000,
    is_real: true,
    accuracy_m: 300,
    outcome: 'in_service',
    fixedStart: '2022-03-04',
  },
  // Real but unlocated: the facts name it and give no site, so the point is a stand-in.
  {
    id: 'f-cdc',
    kind: 'public_health',
    name_zh: '高新区公共卫生服务中心（疾控中心）·位置未知，示例位置',
    name_en: 'High-tech Zone Public Health Service Centre (CDC): location unknown, sample position',
    at: [113.505, 34.832],
    capacity: null,
    is_real: false,
    accuracy_m: 5000,
    outcome: 'started',
  },
  sample(
    'f-s-fengyang-p3',
    'school',
    '枫杨第三小学',
    'Fengyang No. 3 Primary School',
    [113.552, 34.824],
    2160,
    'in_service',
  ),
  sample(
    'f-s-gouzhao-p1',
    'school',
    '沟赵第一小学',
    'Gouzhao No. 1 Primary School',
    [113.473, 34.828],
    2160,
    'in_service',
  ),
  sample(
    'f-s-gouzhao-p2',
    'school',
    '沟赵第二小学',
    'Gouzhao No. 2 Primary School',
    [113.492, 34.802],
    2160,
    'started',
  ),
  sample(
    'f-s-tianjian-m',
    'school',
    '天健湖初级中学',
    'Tianjian Lake Middle School',
    [113.49, 34.8165],
    2400,
    'in_service',
  ),
  sample(
    'f-s-shuangqiao-p1',
    'school',
    '双桥第一小学',
    'Shuangqiao No. 1 Primary School',
    [113.526, 34.85],
    2160,
    'planned',
  ),
  sample(
    'f-s-shuangqiao-m',
    'school',
    '双桥初级中学',
    'Shuangqiao Middle School',
    [113.565, 34.843],
    2400,
    'completed',
  ),
  sample(
    'f-s-wutong-p2',
    'school',
    '梧桐第二小学',
    'Wutong No. 2 Primary School',
    [113.541, 34.8015],
    2160,
    'in_service',
  ),
  sample('f-s-shifo-p1', 'school', '石佛第一小学', 'Shifo No. 1 Primary School', [113.583, 34.822], 2160, 'in_service'),
  sample(
    'f-s-huagong-9y',
    'school',
    '化工路九年制学校',
    'Huagong Road Nine-year School',
    [113.552, 34.7865],
    3000,
    'suspended',
  ),
  sample('f-s-jinbai-p', 'school', '金柏路小学', 'Jinbai Road Primary School', [113.4645, 34.8175], 2160, 'in_service'),
  sample(
    'f-s-hongsong-h',
    'school',
    '红松路高级中学',
    'Hongsong Road High School',
    [113.506, 34.8455],
    3000,
    'started',
  ),
  sample(
    'f-s-fengyang-k1',
    'kindergarten',
    '枫杨第一幼儿园',
    'Fengyang No. 1 Kindergarten',
    [113.541, 34.8175],
    360,
    'in_service',
  ),
  sample(
    'f-s-gouzhao-k1',
    'kindergarten',
    '沟赵第一幼儿园',
    'Gouzhao No. 1 Kindergarten',
    [113.475, 34.8225],
    270,
    'in_service',
  ),
  sample(
    'f-s-gouzhao-k2',
    'kindergarten',
    '沟赵第二幼儿园',
    'Gouzhao No. 2 Kindergarten',
    [113.496, 34.8285],
    360,
    'in_service',
  ),
  sample(
    'f-s-shuangqiao-k1',
    'kindergarten',
    '双桥第一幼儿园',
    'Shuangqiao No. 1 Kindergarten',
    [113.545, 34.8505],
    270,
    'planned',
  ),
  sample(
    'f-s-wutong-k1',
    'kindergarten',
    '梧桐第一幼儿园',
    'Wutong No. 1 Kindergarten',
    [113.529, 34.791],
    360,
    'in_service',
  ),
  sample(
    'f-s-shifo-k1',
    'kindergarten',
    '石佛第一幼儿园',
    'Shifo No. 1 Kindergarten',
    [113.581, 34.7995],
    270,
    'started',
  ),
  sample('f-s-yulan-k', 'kindergarten', '玉兰幼儿园', 'Yulan Kindergarten', [113.553, 34.8045], 270, 'in_service'),
  sample(
    'f-s-tianjian-k',
    'kindergarten',
    '天健湖幼儿园',
    'Tianjian Lake Kindergarten',
    [113.482, 34.8045],
    360,
    'completed',
  ),
  sample(
    'f-s-shuangqiao-k2',
    'kindergarten',
    '双桥第二幼儿园',
    'Shuangqiao No. 2 Kindergarten',
    [113.578, 34.8435],
    270,
    'in_service',
  ),
  sample(
    'f-s-gouzhao-chc',
    'clinic',
    '沟赵社区卫生服务中心',
    'Gouzhao community health centre',
    [113.4935, 34.8225],
    30,
    'in_service',
  ),
  sample(
    'f-s-shuangqiao-chc',
    'clinic',
    '双桥社区卫生服务中心',
    'Shuangqiao community health centre',
    [113.535, 34.8445],
    30,
    'planned',
  ),
  sample(
    'f-s-fengyang-chc',
    'clinic',
    '枫杨社区卫生服务中心',
    'Fengyang community health centre',
    [113.556, 34.8265],
    20,
    'in_service',
  ),
  sample(
    'f-s-wutong-chc',
    'clinic',
    '梧桐社区卫生服务中心',
    'Wutong community health centre',
    [113.5475, 34.7955],
    20,
    'in_service',
  ),
  sample(
    'f-s-shifo-chc',
    'clinic',
    '石佛社区卫生服务中心',
    'Shifo community health centre',
    [113.579, 34.787],
    20,
    'started',
  ),
  sample(
    'f-s-mch',
    'hospital',
    '高新区妇幼保健院',
    'High-tech Zone Maternal and Child Health Hospital',
    [113.507, 34.801],
    300,
    'in_service',
  ),
]

/** Planned durations in days by kind: schools ~1.5–2 years, hospitals 2–4, clinics under 1.5. */
export const FACILITY_DURATION_DAYS: Record<FacilityKind, [number, number]> = {
  school: [480, 720],
  kindergarten: [300, 540],
  hospital: [730, 1400],
  clinic: [240, 480],
  public_health: [540, 900],
}
