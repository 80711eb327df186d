import { closeRing, type Position } from './geometry.ts'

/**
 * The zone outline and its five sub-districts, drawn as one planar partition: every ring is a walk
 * over the named nodes below, so neighbouring sub-districts share their edges vertex for vertex and
 * together cover the zone outline exactly. Positions are estimates (±500 m) from FACTS.md: 连霍高速 to
 * the north, 郑州西南绕城高速 to the west, 西三环 / 贾鲁河 to the east and 化工路 / 西流湖 to the south.
 */
const N = {
  // Zone outline, anticlockwise from the south-west corner.
  sw: [113.461, 34.79],
  s1: [113.49, 34.784],
  s2: [113.515, 34.777], // 沟赵 | 梧桐
  s3: [113.555, 34.776], // 梧桐 | 石佛
  se: [113.595, 34.778],
  e1: [113.597, 34.8],
  e2: [113.596, 34.81],
  e3: [113.595, 34.825], // 石佛 | 枫杨
  e4: [113.59, 34.84], // 枫杨 | 双桥
  ne: [113.575, 34.85],
  n1: [113.54, 34.854],
  n2: [113.49, 34.855], // 双桥 | 沟赵
  nw: [113.47, 34.853],
  w1: [113.46, 34.843],
  w2: [113.458, 34.82],
  // Inner nodes. 科学大道 divides 枫杨 (north) from 梧桐 (south).
  kexueWest: [113.515, 34.8075],
  kexue1: [113.52, 34.807],
  kexue2: [113.54, 34.8085],
  kexue3: [113.56, 34.81],
  kexueEast: [113.57, 34.81],
  gouzhaoNorthEast: [113.515, 34.84],
  gouzhaoNorth: [113.49, 34.84],
  shifoWest: [113.555, 34.79],
  shifoCorner: [113.57, 34.79],
  shifoNorth: [113.57, 34.825],
} satisfies Record<string, Position>

type NodeName = keyof typeof N

function ring(names: NodeName[]): Position[] {
  return closeRing(names.map((n) => N[n] as Position))
}

export interface SubDistrict {
  code: string
  name_zh: string
  name_en: string
  ring: Position[]
}

export const ZONE_RING = ring([
  'sw',
  's1',
  's2',
  's3',
  'se',
  'e1',
  'e2',
  'e3',
  'e4',
  'ne',
  'n1',
  'n2',
  'nw',
  'w1',
  'w2',
])

/** NBS 2023 codes from divisions-2023.csv; boundaries are estimates (双桥 as the northern strip is unverified). */
export const SUB_DISTRICTS: SubDistrict[] = [
  {
    code: '410172160',
    name_zh: '石佛镇',
    name_en: 'Shifo Town',
    ring: ring(['s3', 'se', 'e1', 'e2', 'e3', 'shifoNorth', 'kexueEast', 'shifoCorner', 'shifoWest']),
  },
  {
    code: '410172360',
    name_zh: '沟赵乡',
    name_en: 'Gouzhao Township',
    ring: ring(['sw', 's1', 's2', 'kexueWest', 'gouzhaoNorthEast', 'gouzhaoNorth', 'n2', 'nw', 'w1', 'w2']),
  },
  {
    code: '410172560',
    name_zh: '枫杨街道',
    name_en: 'Fengyang Subdistrict',
    ring: ring(['kexueWest', 'kexue1', 'kexue2', 'kexue3', 'kexueEast', 'shifoNorth', 'e3', 'e4', 'gouzhaoNorthEast']),
  },
  {
    code: '410172561',
    name_zh: '梧桐街道',
    name_en: 'Wutong Subdistrict',
    ring: ring(['s2', 's3', 'shifoWest', 'shifoCorner', 'kexueEast', 'kexue3', 'kexue2', 'kexue1', 'kexueWest']),
  },
  {
    code: '410172562',
    name_zh: '双桥街道',
    name_en: 'Shuangqiao Subdistrict',
    ring: ring(['gouzhaoNorth', 'gouzhaoNorthEast', 'e4', 'ne', 'n1', 'n2']),
  },
]
