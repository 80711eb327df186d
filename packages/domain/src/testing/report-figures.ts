/**
 * Every figure of the 2020-08-02 work report that issue 18 and shared/zone/FACTS.md list, transcribed
 * independently of the registry so a test can compare the two: [indicator id, direction, target, unit, by year].
 */
export const REPORT_FIGURES: readonly (readonly [string, '>=' | '<=', number, string, number])[] = [
  ['gdp', '>=', 700, '亿元', 2022],
  ['gdp', '>=', 1000, '亿元', 2025],
  ['leading-industry-share', '>=', 80, '%', 2022],
  ['strategic-emerging-share', '>=', 50, '%', 2022],
  ['high-tech-industry-share', '>=', 80, '%', 2022],
  ['high-technology-share', '>=', 25, '%', 2022],
  ['rd-intensity', '>=', 9, '%', 2022],
  ['rd-intensity', '>=', 9, '%', 2020],
  ['above-city-average', '>=', 3, '百分点', 2020],
  ['industrial-rd-growth', '>=', 5, '%', 2020],
  ['new-high-tech-enterprises', '>=', 260, '家', 2020],
  ['tech-smes', '>=', 1800, '家', 2020],
  ['new-rd-institutions', '>=', 1, '个', 2020],
  ['new-academician-workstations', '>=', 2, '个', 2020],
  ['new-enterprises', '>=', 10000, '家', 2020],
  ['new-listed-companies', '>=', 2, '家', 2020],
  ['new-contracts', '>=', 292, '亿元', 2020],
  ['outward-investment', '>=', 6.9, '亿元', 2020],
  ['overseas-contracting', '>=', 9240, '万美元', 2020],
  ['out-of-province-funds', '>=', 150, '亿元', 2020],
  ['e-commerce', '>=', 600, '亿元', 2020],
  ['fixed-asset-investment', '>=', 470, '亿元', 2020],
  ['infrastructure-investment', '>=', 185, '亿元', 2020],
  ['industrial-investment', '>=', 120, '亿元', 2020],
  ['industrial-investment-growth', '>=', 20, '%', 2020],
  ['livelihood-investment', '>=', 180, '亿元', 2020],
  ['projects-under-construction', '>=', 175, '亿元', 2020],
  ['signed-projects-30yi', '>=', 2, '个', 2020],
  ['signed-projects-10yi', '>=', 2, '个', 2020],
  ['resettlement-delivered', '>=', 236, '万m²', 2020],
  ['resettlement-contracts', '>=', 9000, '套', 2020],
  ['public-kindergarten-share', '>=', 50, '%', 2020],
  ['inclusive-kindergarten-share', '>=', 90, '%', 2020],
  ['one-network-service-rate', '>=', 95, '%', 2020],
  ['one-thing-items-online', '>=', 100, '%', 2020],
  ['fume-purifier-rate', '>=', 95, '%', 2020],
  ['unemployment-rate', '<=', 4, '%', 2020],
]

/** The report's dated milestones: [id, due date]. */
export const REPORT_MILESTONES: readonly (readonly [string, string])[] = [
  ['ywtg-shifo-rules', '2020-08-31'],
  ['ywtg-shifo-highlights', '2020-09-30'],
  ['ywtg-shifo-operation', '2020-10-31'],
  ['ywtg-gouzhao-rules', '2020-08-31'],
  ['ywtg-gouzhao-highlights', '2020-09-30'],
  ['ywtg-gouzhao-operation', '2020-10-31'],
  ['core-block-landmarks', '2020-12-31'],
]

/** The registry flattened to the same shape, for comparison. */
export function figuresOf(
  indicators: readonly {
    id: string
    direction: string
    unit: string
    targets: readonly { value: number; year: number }[]
  }[],
) {
  return indicators.flatMap((i) => i.targets.map((t) => [i.id, i.direction, t.value, i.unit, t.year] as const))
}
