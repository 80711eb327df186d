import type { RoadClass } from '@onemap/domain/statuses'
import type { Line, Position } from './geometry.ts'

/**
 * Road axes hand-digitised from the tables in FACTS.md (estimates ±150 m). Widths follow the usual
 * red-line ranges of each class. `programme` says which part was built under the 2020 programme:
 * 'all', 'none' (existed before 2 August 2020, context only), or a test on a segment's midpoint for
 * roads that were extended. Roads marked `sample` are invented planned branch roads; their names say so.
 */
export interface RoadAxis {
  id: string
  name_zh: string
  name_en: string
  class: RoadClass
  red_line_width_m: number
  axis: Line
  programme: 'all' | 'none' | ((midpoint: Position) => boolean)
  sample?: boolean
}

const lonBelow = (lon: number) => (p: Position) => p[0] < lon
const lonAbove = (lon: number) => (p: Position) => p[0] > lon

const EAST_WEST: RoadAxis[] = [
  {
    id: 'lianhuo',
    name_zh: '连霍高速',
    name_en: 'Lianhuo Expressway (G30)',
    class: 'expressway',
    red_line_width_m: 100,
    programme: 'none',
    axis: [
      [113.44, 34.8585],
      [113.49, 34.8605],
      [113.54, 34.8585],
      [113.58, 34.853],
      [113.61, 34.85],
    ],
  },
  {
    id: 'honghua',
    name_zh: '红桦街',
    name_en: 'Honghua Street',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'none',
    axis: [
      [113.536, 34.832],
      [113.55, 34.832],
    ],
  },
  {
    id: 'baihua',
    name_zh: '白桦街',
    name_en: 'Baihua Street',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'none',
    axis: [
      [113.55, 34.832],
      [113.576, 34.832],
    ],
  },
  {
    id: 'jinzhan',
    name_zh: '金盏街',
    name_en: 'Jinzhan Street',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'all',
    axis: [
      [113.466, 34.8395],
      [113.5, 34.8405],
    ],
  },
  {
    id: 'lianhua',
    name_zh: '莲花街',
    name_en: 'Lianhua Street',
    class: 'arterial',
    red_line_width_m: 50,
    programme: lonBelow(113.518),
    axis: [
      [113.462, 34.8335],
      [113.482, 34.8345],
      [113.498, 34.837],
      [113.52, 34.83],
      [113.536, 34.826],
      [113.55, 34.828],
      [113.577, 34.828],
    ],
  },
  {
    id: 'qingmei',
    name_zh: '青梅街',
    name_en: 'Qingmei Street',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'all',
    axis: [
      [113.458, 34.8245],
      [113.5, 34.8255],
    ],
  },
  {
    id: 'yingchun',
    name_zh: '迎春街',
    name_en: 'Yingchun Street',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'all',
    axis: [
      [113.536, 34.8205],
      [113.545, 34.8205],
    ],
  },
  {
    id: 'cuizhu',
    name_zh: '翠竹街',
    name_en: 'Cuizhu Street',
    class: 'secondary',
    red_line_width_m: 35,
    programme: 'none',
    axis: [
      [113.545, 34.8205],
      [113.562, 34.819],
      [113.577, 34.819],
    ],
  },
  {
    id: 'heyang',
    name_zh: '河阳路',
    name_en: 'Heyang Road',
    class: 'secondary',
    red_line_width_m: 40,
    programme: 'all',
    axis: [
      [113.46, 34.8205],
      [113.5, 34.8205],
    ],
  },
  {
    id: 'fengyang',
    name_zh: '枫杨街',
    name_en: 'Fengyang Street',
    class: 'secondary',
    red_line_width_m: 35,
    programme: 'none',
    axis: [
      [113.536, 34.815],
      [113.562, 34.815],
    ],
  },
  {
    id: 'fengxiang',
    name_zh: '枫香街',
    name_en: 'Fengxiang Street',
    class: 'branch',
    red_line_width_m: 30,
    programme: 'all',
    axis: [
      [113.462, 34.8125],
      [113.486, 34.8125],
    ],
  },
  {
    id: 'dulan',
    name_zh: '杜兰街',
    name_en: 'Dulan Street',
    class: 'branch',
    red_line_width_m: 30,
    programme: 'all',
    axis: [
      [113.486, 34.8125],
      [113.5, 34.8128],
    ],
  },
  {
    id: 'kexue',
    name_zh: '科学大道',
    name_en: 'Kexue Avenue',
    class: 'arterial',
    red_line_width_m: 60,
    programme: lonBelow(113.47),
    axis: [
      [113.45, 34.809],
      [113.5, 34.809],
      [113.52, 34.807],
      [113.54, 34.8085],
      [113.56, 34.81],
      [113.577, 34.81],
      [113.594, 34.81],
    ],
  },
  {
    id: 'yulan',
    name_zh: '玉兰街',
    name_en: 'Yulan Street',
    class: 'secondary',
    red_line_width_m: 35,
    programme: 'none',
    axis: [
      [113.522, 34.8058],
      [113.568, 34.806],
    ],
  },
  {
    id: 'dongqing',
    name_zh: '冬青街',
    name_en: 'Dongqing Street',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'all',
    axis: [
      [113.522, 34.803],
      [113.565, 34.803],
    ],
  },
  {
    id: 'shounan',
    name_zh: '示例·沟赵南街',
    name_en: 'Gouzhao South Street (sample)',
    class: 'branch',
    red_line_width_m: 20,
    programme: 'all',
    sample: true,
    axis: [
      [113.456, 34.8005],
      [113.522, 34.8],
    ],
  },
  {
    id: 'hehuan',
    name_zh: '合欢街',
    name_en: 'Hehuan Street',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'all',
    axis: [
      [113.536, 34.799],
      [113.565, 34.799],
    ],
  },
  {
    id: 'guihua',
    name_zh: '桂花街',
    name_en: 'Guihua Street',
    class: 'branch',
    red_line_width_m: 20,
    programme: 'all',
    axis: [
      [113.522, 34.797],
      [113.536, 34.797],
    ],
  },
  {
    id: 'wutong',
    name_zh: '梧桐街',
    name_en: 'Wutong Street',
    class: 'arterial',
    red_line_width_m: 50,
    programme: lonAbove(113.575),
    axis: [
      [113.5, 34.793],
      [113.522, 34.7935],
      [113.536, 34.794],
      [113.565, 34.796],
      [113.58, 34.7965],
      [113.594, 34.797],
    ],
  },
  {
    id: 'yaochang',
    name_zh: '药厂街',
    name_en: 'Yaochang Street',
    class: 'secondary',
    red_line_width_m: 35,
    programme: 'none',
    axis: [
      [113.522, 34.7905],
      [113.545, 34.791],
      [113.556, 34.792],
    ],
  },
  {
    id: 'hongxing',
    name_zh: '宏兴街',
    name_en: 'Hongxing Street',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'all',
    axis: [
      [113.556, 34.792],
      [113.568, 34.793],
    ],
  },
  {
    id: 'huagong',
    name_zh: '化工路',
    name_en: 'Huagong Road',
    class: 'arterial',
    red_line_width_m: 50,
    programme: lonBelow(113.522),
    axis: [
      [113.49, 34.785],
      [113.522, 34.783],
      [113.56, 34.783],
      [113.594, 34.783],
    ],
  },
  {
    id: 'shuangqiaobei',
    name_zh: '示例·双桥北街',
    name_en: 'Shuangqiao North Street (sample)',
    class: 'branch',
    red_line_width_m: 20,
    programme: 'all',
    sample: true,
    axis: [
      [113.486, 34.848],
      [113.577, 34.847],
    ],
  },
]

const NORTH_SOUTH: RoadAxis[] = [
  {
    id: 'raocheng',
    name_zh: '郑州西南绕城高速',
    name_en: 'Zhengzhou Southwest Ring Expressway',
    class: 'expressway',
    red_line_width_m: 80,
    programme: 'none',
    axis: [
      [113.445, 34.77],
      [113.448, 34.8],
      [113.449, 34.83],
      [113.446, 34.861],
    ],
  },
  {
    id: 'jinbai',
    name_zh: '金柏路',
    name_en: 'Jinbai Road',
    class: 'secondary',
    red_line_width_m: 40,
    programme: 'all',
    axis: [
      [113.468, 34.795],
      [113.468, 34.845],
    ],
  },
  {
    id: 'cuibai',
    name_zh: '翠柏路',
    name_en: 'Cuibai Road',
    class: 'secondary',
    red_line_width_m: 40,
    programme: 'all',
    axis: [
      [113.479, 34.8],
      [113.479, 34.845],
    ],
  },
  {
    id: 'chuangxin',
    name_zh: '创新大道',
    name_en: 'Chuangxin Avenue',
    class: 'arterial',
    red_line_width_m: 50,
    programme: 'all',
    axis: [
      [113.486, 34.786],
      [113.486, 34.8595],
    ],
  },
  {
    id: 'hongsong',
    name_zh: '红松路',
    name_en: 'Hongsong Road',
    class: 'secondary',
    red_line_width_m: 40,
    programme: 'all',
    axis: [
      [113.5, 34.785],
      [113.5, 34.85],
    ],
  },
  {
    id: 'xisihuan',
    name_zh: '西四环',
    name_en: 'West 4th Ring Road',
    class: 'expressway',
    red_line_width_m: 80,
    programme: 'none',
    axis: [
      [113.522, 34.77],
      [113.523, 34.79],
      [113.521, 34.81],
      [113.518, 34.823],
      [113.516, 34.84],
      [113.515, 34.862],
    ],
  },
  {
    id: 'gengxinyi',
    name_zh: '示例·更新一路',
    name_en: 'Gengxin 1st Road (sample)',
    class: 'branch',
    red_line_width_m: 20,
    programme: 'all',
    sample: true,
    axis: [
      [113.529, 34.783],
      [113.529, 34.8075],
    ],
  },
  {
    id: 'changchun',
    name_zh: '长椿路',
    name_en: 'Changchun Road',
    class: 'arterial',
    red_line_width_m: 50,
    programme: 'none',
    axis: [
      [113.535, 34.776],
      [113.536, 34.8],
      [113.537, 34.834],
    ],
  },
  {
    id: 'shuangqiaoyi',
    name_zh: '示例·双桥一路',
    name_en: 'Shuangqiao 1st Road (sample)',
    class: 'branch',
    red_line_width_m: 20,
    programme: 'all',
    sample: true,
    axis: [
      [113.53, 34.829],
      [113.53, 34.8585],
    ],
  },
  {
    id: 'shinan',
    name_zh: '石楠路',
    name_en: 'Shinan Road',
    class: 'secondary',
    red_line_width_m: 30,
    programme: 'none',
    axis: [
      [113.545, 34.786],
      [113.545, 34.832],
    ],
  },
  {
    id: 'xuesong',
    name_zh: '雪松路',
    name_en: 'Xuesong Road',
    class: 'secondary',
    red_line_width_m: 40,
    programme: 'none',
    axis: [
      [113.55, 34.783],
      [113.55, 34.847],
    ],
  },
  {
    id: 'yinping',
    name_zh: '银屏路',
    name_en: 'Yinping Road',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'all',
    axis: [
      [113.555, 34.79],
      [113.555, 34.822],
    ],
  },
  {
    id: 'jinsuo',
    name_zh: '金梭路',
    name_en: 'Jinsuo Road',
    class: 'secondary',
    red_line_width_m: 35,
    programme: 'none',
    axis: [
      [113.56, 34.81],
      [113.559, 34.832],
    ],
  },
  {
    id: 'ruida',
    name_zh: '瑞达路',
    name_en: 'Ruida Road',
    class: 'arterial',
    red_line_width_m: 50,
    programme: 'none',
    axis: [
      [113.56, 34.81],
      [113.565, 34.796],
      [113.573, 34.783],
      [113.575, 34.777],
    ],
  },
  {
    id: 'kaixuan',
    name_zh: '凯旋路',
    name_en: 'Kaixuan Road',
    class: 'branch',
    red_line_width_m: 25,
    programme: 'all',
    axis: [
      [113.5648, 34.779],
      [113.5635, 34.792],
    ],
  },
  {
    id: 'yuxiang',
    name_zh: '郁香路',
    name_en: 'Yuxiang Road',
    class: 'secondary',
    red_line_width_m: 35,
    programme: 'none',
    axis: [
      [113.577, 34.79],
      [113.577, 34.832],
    ],
  },
  {
    id: 'gengxiner',
    name_zh: '示例·更新二路',
    name_en: 'Gengxin 2nd Road (sample)',
    class: 'branch',
    red_line_width_m: 20,
    programme: 'all',
    sample: true,
    axis: [
      [113.582, 34.783],
      [113.582, 34.81],
    ],
  },
  {
    id: 'shifobei',
    name_zh: '示例·石佛北路',
    name_en: 'Shifo North Road (sample)',
    class: 'branch',
    red_line_width_m: 20,
    programme: 'all',
    sample: true,
    axis: [
      [113.586, 34.81],
      [113.586, 34.846],
    ],
  },
  {
    id: 'xisanhuan',
    name_zh: '西三环',
    name_en: 'West 3rd Ring Road',
    class: 'expressway',
    red_line_width_m: 80,
    programme: 'none',
    axis: [
      [113.5945, 34.77],
      [113.594, 34.79],
      [113.594, 34.8],
      [113.596, 34.83],
      [113.6, 34.856],
    ],
  },
]

export const ROAD_AXES: RoadAxis[] = [...EAST_WEST, ...NORTH_SOUTH]

export function roadAxis(id: string): RoadAxis {
  const road = ROAD_AXES.find((r) => r.id === id)
  if (!road) throw new Error(`Digitising error: no road axis '${id}'`)
  return road
}
