import type { AppRouter } from '@onemap/api/root'
import type { inferRouterOutputs } from '@trpc/server'

/** What `indicators.overview` answers, as the screens see it. */
export type IndicatorOverview = inferRouterOutputs<AppRouter>['indicators']['overview']
export type IndicatorRow = IndicatorOverview['indicators'][number]
export type MilestoneRow = IndicatorOverview['milestones'][number]

/** A figure as the zone's reports print it: thousands grouped, at most two decimals. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }).format(value)
}

/** A value with its unit: "301.5 亿元", "3.2%", "6,400 家". */
export function withUnit(value: number, unit: string, language: string): string {
  const n = formatNumber(value, language)
  return unit === '%' ? `${n}%` : `${n} ${unit}`
}

/** ≥ and ≤ as the report writes them. */
export const DIRECTION_SIGN: Record<string, string> = { '>=': '≥', '<=': '≤' }

/** Indicators grouped by category in registry order (the registry is already ordered by category). */
export function byCategory<T extends { category: string }>(
  rows: readonly T[],
): { category: T['category']; rows: T[] }[] {
  const groups: { category: T['category']; rows: T[] }[] = []
  for (const row of rows) {
    const last = groups.at(-1)
    if (last && last.category === row.category) last.rows.push(row)
    else groups.push({ category: row.category, rows: [row] })
  }
  return groups
}

/** The values of the series the trend line shows: the periods of the current target's run-up. */
export function trendValues(row: Pick<IndicatorRow, 'values' | 'pace' | 'target'>): number[] {
  const values =
    row.pace === 'ytd' ? row.values.filter((v) => v.period.startsWith(String(row.target.year))) : row.values
  return values.slice(-12).map((v) => v.value)
}

/** True when any value shown for the indicator is a generated sample. */
export function showsSample(row: Pick<IndicatorRow, 'values'>): boolean {
  return row.values.some((v) => v.isSample)
}
