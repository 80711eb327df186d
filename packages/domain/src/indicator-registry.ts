import {
  Indicator,
  Milestone,
  type IndicatorCategory,
  type IndicatorDirection,
  type IndicatorTarget,
  type PaceRule,
} from './indicators.ts'
import type { IndicatorCadence } from './indicator-periods.ts'

/**
 * The indicators and milestones set by the High-tech Zone work report of 2 August 2020, with the
 * report's figures and units. Definitions are our own short wording. "> 700 亿元" and "突破" are
 * recorded as floors (≥): a statistics office reports whole 亿, so the difference never decides.
 */
export const REPORT_SOURCE = '郑州高新区工作报告，2020-08-02 (High-tech Zone work report, 2 August 2020)'

type Row = [
  id: string,
  category: IndicatorCategory,
  name_zh: string,
  name_en: string,
  unit: string,
  direction: IndicatorDirection,
  cadence: IndicatorCadence,
  pace: PaceRule,
  targets: IndicatorTarget[],
  definition_zh: string,
  definition_en: string,
  allowNegative?: boolean,
]

const y2020 = (value: number): IndicatorTarget[] => [{ value, year: 2020 }]
const y2022 = (value: number): IndicatorTarget[] => [{ value, year: 2022 }]

// prettier-ignore
const ROWS: Row[] = [
  ['gdp', 'economy', '经济总量（地区生产总值）', 'Economic output (GDP)', '亿元', '>=', 'annual', 'trajectory', [{ value: 700, year: 2022 }, { value: 1000, year: 2025 }],
    '全区一年的地区生产总值。报告要求2022年突破700亿元，2025年迈向千亿级世界一流高科技园区。', 'The zone\'s gross product in a year. The report asks for more than 700 亿元 by 2022 and a 1 000 亿元 (千亿级) world-class park by 2025.'],
  ['leading-industry-share', 'economy', '主导产业占工业比重', 'Leading industries, share of industry', '%', '>=', 'annual', 'trajectory', y2022(80),
    '主导产业产值在全区工业中所占比例，2022年达到80%以上。', 'Output of the zone\'s leading industries as a share of all its industry; at least 80 % by 2022.'],
  ['strategic-emerging-share', 'economy', '战略性新兴产业产值占比', 'Strategic emerging industries, share of industrial output', '%', '>=', 'annual', 'trajectory', y2022(50),
    '战略性新兴产业产值占工业总产值的比例，2022年达到50%以上。', 'Output of strategic emerging industries as a share of industrial output; at least 50 % by 2022.'],
  ['above-city-average', 'economy', '主要经济指标增速高于全市', 'Main indicators\' growth above the city average', '百分点', '>=', 'annual', 'level', y2020(3),
    '全区主要经济指标增速比郑州市平均高出的百分点，2020年高出3个百分点。', 'How many percentage points the zone\'s main indicators grow faster than the city average; 3 points in 2020.', true],
  ['high-tech-industry-share', 'innovation', '高新技术产业增加值占规上工业增加值比重', 'High-tech industry value added, share of above-scale industry', '%', '>=', 'annual', 'trajectory', y2022(80),
    '高新技术产业增加值占规模以上工业增加值的比例，2022年达到80%以上。', 'Value added of high-tech industry as a share of above-scale industrial value added; at least 80 % by 2022.'],
  ['high-technology-share', 'innovation', '高技术产业增加值占规上增加值比重', 'High-technology industry value added, share of above-scale value added', '%', '>=', 'annual', 'trajectory', y2022(25),
    '高技术产业（统计口径较窄）增加值占规模以上增加值的比例，2022年达到25%以上。', 'Value added of high-technology industry (the narrower statistical class) as a share of above-scale value added; at least 25 % by 2022.'],
  ['rd-intensity', 'innovation', '全社会研发投入强度', 'R&D intensity (R&D spending / GDP)', '%', '>=', 'annual', 'level', [{ value: 9, year: 2020 }, { value: 9, year: 2022 }],
    '全社会研发经费支出占地区生产总值的比例，2020年和2022年均不低于9%。', 'All R&D spending in the zone as a share of its GDP; at least 9 % in 2020 and in 2022.'],
  ['industrial-rd-growth', 'innovation', '工业研发投入增长', 'Growth of industrial R&D spending', '%', '>=', 'annual', 'level', y2020(5),
    '工业企业研发投入比上年增长的百分比，2020年不低于5%。', 'Year-on-year growth of industrial firms\' R&D spending; at least 5 % in 2020.', true],
  ['new-high-tech-enterprises', 'innovation', '新增高新技术企业', 'New high-tech enterprises recognised', '家', '>=', 'quarterly', 'ytd', y2020(260),
    '年内新认定的高新技术企业数量（年初至今累计），2020年260家。', 'Enterprises newly recognised as high-tech enterprises this year, year to date; 260 in 2020.'],
  ['tech-smes', 'innovation', '国家科技型中小企业', 'National tech SMEs registered', '家', '>=', 'quarterly', 'ytd', y2020(1800),
    '年内入库的国家科技型中小企业数量（年初至今累计），2020年1800家。', 'Firms entered in the national register of tech SMEs this year, year to date; 1 800 in 2020.'],
  ['new-rd-institutions', 'innovation', '新增国家级研发机构', 'New national R&D institutions', '个', '>=', 'annual', 'ytd', y2020(1),
    '年内新建的国家级研发机构数量，2020年1个。', 'National-level R&D institutions newly set up in the year; 1 in 2020.'],
  ['new-academician-workstations', 'innovation', '新增院士工作站', 'New academician workstations', '个', '>=', 'annual', 'ytd', y2020(2),
    '年内新建的院士工作站数量，2020年2个。', 'Academician workstations newly set up in the year; 2 in 2020.'],
  ['new-enterprises', 'enterprises', '新增企业', 'New enterprises registered', '家', '>=', 'monthly', 'ytd', y2020(10000),
    '年内新登记注册的企业数量（年初至今累计），2020年1万家以上。', 'Enterprises newly registered this year, year to date; at least 10 000 in 2020.'],
  ['new-listed-companies', 'enterprises', '新增上市公司', 'New listed companies', '家', '>=', 'quarterly', 'ytd', y2020(2),
    '年内新上市的企业数量，2020年2家以上。', 'Companies of the zone newly listed on a stock exchange this year; at least 2 in 2020.'],
  ['new-contracts', 'opening_up', '新签约额', 'New contracts signed', '亿元', '>=', 'monthly', 'ytd', y2020(292),
    '年内新签约招商项目的合同金额（年初至今累计），2020年292亿元。', 'Contract value of investment projects signed this year, year to date; 292 亿元 in 2020.'],
  ['outward-investment', 'opening_up', '对外直接投资', 'Outward direct investment', '亿元', '>=', 'quarterly', 'ytd', y2020(6.9),
    '区内企业年内对境外的直接投资额（年初至今累计），2020年6.9亿元。', 'Direct investment abroad by the zone\'s firms this year, year to date; 6.9 亿元 in 2020.'],
  ['overseas-contracting', 'opening_up', '对外承包工程和劳务合作营业额', 'Overseas contracting and labour turnover', '万美元', '>=', 'quarterly', 'ytd', y2020(9240),
    '对外承包工程和劳务合作完成的营业额（年初至今累计），2020年9240万美元。', 'Turnover of overseas construction contracts and labour services this year, year to date; 9 240 万美元 in 2020.'],
  ['out-of-province-funds', 'opening_up', '引进省外资金', 'Funds brought in from outside the province', '亿元', '>=', 'monthly', 'ytd', y2020(150),
    '年内实际到位的省外资金（年初至今累计），2020年150亿元。', 'Funds from outside Henan actually received this year, year to date; 150 亿元 in 2020.'],
  ['e-commerce', 'opening_up', '电子商务交易额', 'E-commerce turnover', '亿元', '>=', 'quarterly', 'ytd', y2020(600),
    '区内电子商务交易额（年初至今累计），2020年600亿元以上。', 'E-commerce turnover in the zone this year, year to date; more than 600 亿元 in 2020.'],
  ['fixed-asset-investment', 'investment', '固定资产投资', 'Fixed-asset investment', '亿元', '>=', 'monthly', 'ytd', y2020(470),
    '全区固定资产投资完成额（年初至今累计），2020年470亿元。', 'Fixed-asset investment completed in the zone this year, year to date; 470 亿元 in 2020.'],
  ['infrastructure-investment', 'investment', '基础设施投资', 'Infrastructure investment', '亿元', '>=', 'monthly', 'ytd', y2020(185),
    '固定资产投资中的基础设施部分（年初至今累计），2020年185亿元。', 'The infrastructure part of fixed-asset investment this year, year to date; 185 亿元 in 2020.'],
  ['industrial-investment', 'investment', '工业投资', 'Industrial investment', '亿元', '>=', 'monthly', 'ytd', y2020(120),
    '固定资产投资中的工业部分（年初至今累计），2020年120亿元。', 'The industrial part of fixed-asset investment this year, year to date; 120 亿元 in 2020.'],
  ['industrial-investment-growth', 'investment', '工业投资增长', 'Industrial investment growth', '%', '>=', 'monthly', 'level', y2020(20),
    '工业投资比上年同期增长的百分比，2020年增长20%。', 'Year-on-year growth of industrial investment; +20 % in 2020.', true],
  ['livelihood-investment', 'investment', '民生投资', 'Livelihood (民生) investment', '亿元', '>=', 'monthly', 'ytd', y2020(180),
    '固定资产投资中的民生项目部分（年初至今累计），2020年180亿元。', 'The livelihood (民生) part of fixed-asset investment this year, year to date; 180 亿元 in 2020.'],
  ['projects-under-construction', 'investment', '在建和新开工项目投资', 'Projects under construction and newly started', '亿元', '>=', 'monthly', 'ytd', y2020(175),
    '在建和新开工项目完成的投资（年初至今累计），2020年175亿元以上。', 'Investment completed on projects under construction or newly started this year, year to date; at least 175 亿元 in 2020.'],
  ['signed-projects-30yi', 'investment', '签约30亿元以上项目', 'Projects of 30 亿元 or more signed', '个', '>=', 'quarterly', 'ytd', y2020(2),
    '年内签约的单个投资30亿元以上项目数量，2020年2个。', 'Projects of at least 30 亿元 each signed this year; 2 in 2020.'],
  ['signed-projects-10yi', 'investment', '签约10亿元以上项目', 'Projects of 10 亿元 or more signed', '个', '>=', 'quarterly', 'ytd', y2020(2),
    '年内签约的单个投资10亿元以上项目数量，2020年2个。', 'Projects of at least 10 亿元 each signed this year; 2 in 2020.'],
  ['resettlement-delivered', 'housing', '回迁安置房交付', 'Resettlement housing delivered', '万m²', '>=', 'monthly', 'ytd', y2020(236),
    '年内交付的回迁安置房建筑面积（年初至今累计），2020年底236万平方米。', 'Floor area of resettlement (回迁安置) housing handed over this year, year to date; 236 万 m² by the end of 2020.'],
  ['resettlement-contracts', 'housing', '回迁安置房网签', 'Resettlement units with online contracts', '套', '>=', 'monthly', 'ytd', y2020(9000),
    '年内完成网签的回迁安置房套数（年初至今累计），2020年底9000套以上。', 'Resettlement units whose contracts were signed online (网签) this year, year to date; at least 9 000 by the end of 2020.'],
  ['public-kindergarten-share', 'services', '公办园在园幼儿占比', 'Children in public kindergartens', '%', '>=', 'annual', 'level', y2020(50),
    '在公办幼儿园就读的幼儿占全部在园幼儿的比例，目标50%（报告未写年份，按报告当年计）。', 'Children in public kindergartens as a share of all kindergarten children; 50 % (the report gives no year; taken as the report year).'],
  ['inclusive-kindergarten-share', 'services', '公办和普惠性民办园在园幼儿占比', 'Children in public or 普惠 private kindergartens', '%', '>=', 'annual', 'level', y2020(90),
    '在公办园和普惠性民办园就读的幼儿占全部在园幼儿的比例，目标90%（按报告当年计）。', 'Children in public or affordable (普惠) private kindergartens as a share of all; 90 % (taken as the report year).'],
  ['one-network-service-rate', 'government', '"一网通办"办理率', '"One-network" online service rate (一网通办)', '%', '>=', 'quarterly', 'level', y2020(95),
    '政务服务事项可"一网通办"的比例，2020年95%以上。', 'Share of government service items that can be handled entirely online (一网通办); at least 95 % in 2020.'],
  ['one-thing-items-online', 'government', '高频"一件事"上线率', 'High-frequency "one thing" items online', '%', '>=', 'quarterly', 'level', y2020(100),
    '全市300项高频"一件事"中本区有权限事项已上线的比例，2020年底全部上线。', 'Share of the city\'s 300 high-frequency "one thing" (一件事) items within the zone\'s authority that are online; all by the end of 2020.'],
  ['fume-purifier-rate', 'environment', '油烟净化设施安装率', 'Restaurant fume purifiers installed', '%', '>=', 'quarterly', 'level', y2020(95),
    '餐饮单位安装油烟净化设施的比例，2020年95%以上。', 'Share of restaurants with a fume purifier installed; at least 95 % in 2020.'],
  ['unemployment-rate', 'employment', '城镇登记失业率', 'Registered urban unemployment rate', '%', '<=', 'quarterly', 'level', y2020(4),
    '城镇登记失业人员占城镇劳动力的比例，2020年控制在4%以内。', 'Registered unemployed as a share of the urban labour force; at most 4 % in 2020.'],
]

/** Every indicator of the work report, in display order. */
export const INDICATOR_REGISTRY: readonly Indicator[] = ROWS.map(
  ([
    id,
    category,
    name_zh,
    name_en,
    unit,
    direction,
    cadence,
    pace,
    targets,
    definition_zh,
    definition_en,
    allowNegative,
  ]) =>
    Indicator.parse({
      id,
      category,
      name_zh,
      name_en,
      unit,
      direction,
      cadence,
      pace,
      targets,
      definition_zh,
      definition_en,
      allowNegative,
      source: REPORT_SOURCE,
    }),
)

const PILOTS = [
  ['shifo', '石佛', 'Shifo'],
  ['gouzhao', '沟赵', 'Gouzhao'],
] as const
const STAGES = [
  ['rules', '2020-08-31', '制度落地', 'rules in place', '试点的运行制度、职责和流程确定并施行'],
  ['highlights', '2020-09-30', '形成亮点', 'highlights shown', '试点形成可展示的应用亮点'],
  ['operation', '2020-10-31', '全面运营', 'full operation', '试点的"一网统管"全面投入运营'],
] as const

/** Dated commitments of the report: the 一网统管 pilots and the core block's landmark projects. */
export const MILESTONE_REGISTRY: readonly Milestone[] = [
  ...PILOTS.flatMap(([pilot, zh, en]) =>
    STAGES.map(([stage, dueOn, stageZh, stageEn, whatZh]) =>
      Milestone.parse({
        id: `ywtg-${pilot}-${stage}`,
        name_zh: `${zh}"一网统管"试点：${stageZh}`,
        name_en: `${en} pilot: ${stageEn}`,
        dueOn,
        definition_zh: `${zh}${whatZh}，报告要求${Number(dueOn.slice(5, 7))}月底完成。`,
        definition_en: `The ${en} pilot of unified city management (一网统管) has its ${stageEn}; due by the end of ${new Date(`${dueOn}T00:00:00Z`).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} 2020.`,
        source: REPORT_SOURCE,
      }),
    ),
  ),
  Milestone.parse({
    id: 'core-block-landmarks',
    name_zh: '核心板块标志性项目（1—2个）',
    name_en: 'Core block: 1–2 landmark projects',
    dueOn: '2020-12-31',
    definition_zh: '核心板块引进或开工1至2个标志性项目，2020年底前完成。',
    definition_en: 'One or two landmark projects brought into or started in the core block by the end of 2020.',
    source: REPORT_SOURCE,
  }),
]

/** The registry entry of `id`, or undefined. */
export function findIndicator(id: string): Indicator | undefined {
  return INDICATOR_REGISTRY.find((i) => i.id === id)
}
