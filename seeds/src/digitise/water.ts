import type { Line, Position } from './geometry.ts'

/**
 * The five rivers of the 2020 report's river-chief system (河长制) and the zone's lakes, traced from
 * the descriptions in FACTS.md (flow directions, the two South–North canal crossings, the lake
 * extents). Courses are schematic, good to about ±500 m. River chiefs are invented people.
 */
export interface RiverSpec {
  id: string
  name_zh: string
  name_en: string
  parts: Line[]
  river_chief: string
  note: string
}

export const RIVERS: RiverSpec[] = [
  {
    id: 'jialu',
    name_zh: '贾鲁河',
    name_en: 'Jialu River',
    // North past 西流湖 on the west side of 西三环, then north-east toward 惠济.
    parts: [
      [
        [113.588, 34.765],
        [113.589, 34.783],
        [113.5905, 34.796],
        [113.589, 34.81],
        [113.592, 34.825],
        [113.598, 34.84],
        [113.61, 34.856],
        [113.628, 34.872],
      ],
    ],
    river_chief: '示例河长·陈立新（虚构）',
    note: 'Confirmed river of the zone (city-managed). Course schematic (±500 m); 石佛 section widened into 西流湖高新段. River chief invented (sample).',
  },
  {
    id: 'xushui',
    name_zh: '须水河',
    name_en: 'Xushui River',
    // From 须水 (canal siphon at 113.5110, 34.7551) north-west through 沟赵 to meet 索河 at 大榆树.
    parts: [
      [
        [113.512, 34.74],
        [113.511, 34.7551],
        [113.509, 34.775],
        [113.503, 34.795],
        [113.497, 34.815],
        [113.494, 34.834],
        [113.478, 34.848],
        [113.455, 34.858],
        [113.442, 34.862],
      ],
    ],
    river_chief: '示例河长·刘文静（虚构）',
    note: 'Confirmed river of the zone (city-managed). Passes the South–North canal siphon at 113.5110, 34.7551; course through 沟赵 schematic (±500 m). River chief invented (sample).',
  },
  {
    id: 'suo',
    name_zh: '索河',
    name_en: 'Suo River',
    // From 荥阳 north-east past the canal aqueduct (113.4266, 34.8343) to 大榆树.
    parts: [
      [
        [113.405, 34.815],
        [113.4266, 34.8343],
        [113.436, 34.852],
        [113.442, 34.862],
      ],
    ],
    river_chief: '示例河长·赵国强（虚构）',
    note: 'Confirmed river (city-managed); runs west of the zone and joins 须水河 at 大榆树 to form 索须河. Course schematic (±500 m). River chief invented (sample).',
  },
  {
    id: 'suoxu',
    name_zh: '索须河',
    name_en: 'Suoxu River',
    // ~23 km east along the zone's north side into 贾鲁河 near 祥云寺; only the part near the zone is drawn.
    parts: [
      [
        [113.442, 34.862],
        [113.48, 34.866],
        [113.52, 34.868],
        [113.56, 34.87],
        [113.6, 34.872],
        [113.628, 34.872],
      ],
    ],
    river_chief: '示例河长·王志远（虚构）',
    note: 'Confirmed river (city-managed); main flood channel of the north-west, drawn only near the zone (±800 m). River chief invented (sample).',
  },
  {
    id: 'xushui-west',
    name_zh: '须水河西支',
    name_en: 'Xushui River, west branch',
    // Through 天健湖 (113.468–113.486 E, 34.813–34.820 N) to 须水河.
    parts: [
      [
        [113.456, 34.788],
        [113.462, 34.802],
        [113.468, 34.8155],
        [113.486, 34.8175],
        [113.491, 34.826],
        [113.494, 34.834],
      ],
    ],
    river_chief: '示例河长·孙晓梅（虚构）',
    note: 'UNCERTAIN: the fifth river of the 2020 report is not named in any source found; 须水河西支, on which 天健湖 was built, is the most likely. Course schematic (±500 m). River chief invented (sample).',
  },
]

export interface WaterBodySpec {
  id: string
  name_zh: string
  name_en: string
  ring: Position[]
}

export const WATER_BODIES: WaterBodySpec[] = [
  {
    id: 'tianjian-lake',
    name_zh: '天健湖',
    name_en: 'Tianjian Lake',
    // ~1,500 m × 250 m between 金柏路 (W), 创新大道 (E), 枫香街 (S), 河阳路 (N).
    ring: [
      [113.4695, 34.8138],
      [113.4765, 34.8142],
      [113.4845, 34.8158],
      [113.4848, 34.8185],
      [113.4765, 34.8172],
      [113.4698, 34.8165],
      [113.4695, 34.8138],
    ],
  },
  {
    id: 'xiliu-lake-gaoxin',
    name_zh: '西流湖高新段',
    name_en: 'Xiliu Lake, High-tech Zone section',
    // The ~1,000 亩 widening of 贾鲁河 from 化工路 to 科学大道, east bank on 西三环.
    ring: [
      [113.5895, 34.7842],
      [113.5923, 34.7842],
      [113.5927, 34.796],
      [113.5922, 34.8085],
      [113.5893, 34.8085],
      [113.589, 34.796],
      [113.5895, 34.7842],
    ],
  },
]
