import { z } from 'zod'

/**
 * Reporting periods of the indicators. A period is a string key in the indicator's cadence:
 * annual '2020', quarterly '2020-Q3', monthly '2020-08'. Keys sort in time order within a cadence.
 */

/** How often an indicator is reported. */
export const INDICATOR_CADENCES = ['annual', 'quarterly', 'monthly'] as const
export const IndicatorCadence = z.enum(INDICATOR_CADENCES)
export type IndicatorCadence = z.infer<typeof IndicatorCadence>

// Years outside this range are typing errors in this programme, not reports.
const FIRST_YEAR = 2000
const LAST_YEAR = 2050

const PATTERNS: Record<IndicatorCadence, RegExp> = {
  annual: /^(\d{4})$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
}

/** Steps per year of a cadence. */
const STEPS: Record<IndicatorCadence, number> = { annual: 1, quarterly: 4, monthly: 12 }

/** Year and step within the year (1-based) of a period key, or null when it is not of this cadence. */
function parts(period: string, cadence: IndicatorCadence): { year: number; step: number } | null {
  const m = PATTERNS[cadence].exec(period)
  if (!m) return null
  const year = Number(m[1])
  if (year < FIRST_YEAR || year > LAST_YEAR) return null
  return { year, step: m[2] ? Number(m[2]) : 1 }
}

/** True when `period` is a valid key of `cadence`. */
export function isPeriodOf(period: string, cadence: IndicatorCadence): boolean {
  return parts(period, cadence) !== null
}

function mustParts(period: string, cadence: IndicatorCadence) {
  const p = parts(period, cadence)
  if (!p) throw new RangeError(`'${period}' is not a ${cadence} period`)
  return p
}

/** The calendar year a period key falls in. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4))
}

/** The last day (ISO date) of a period. */
export function periodEnd(period: string, cadence: IndicatorCadence): string {
  const { year, step } = mustParts(period, cadence)
  const month = (step * 12) / STEPS[cadence]
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
}

/** Share of its calendar year that has passed at the end of the period (Q3 → 0.75, 2020-08 → 8/12). */
export function yearFraction(period: string, cadence: IndicatorCadence): number {
  const { step } = mustParts(period, cadence)
  return step / STEPS[cadence]
}

/** The last period of `year` in a cadence: '2020', '2020-Q4' or '2020-12'. */
export function lastPeriodOfYear(year: number, cadence: IndicatorCadence): string {
  return periodKey(year, STEPS[cadence], cadence)
}

/** Every period of `year` in a cadence, in order. */
export function periodsOf(year: number, cadence: IndicatorCadence): string[] {
  return Array.from({ length: STEPS[cadence] }, (_, i) => periodKey(year, i + 1, cadence))
}

function periodKey(year: number, step: number, cadence: IndicatorCadence): string {
  if (cadence === 'annual') return String(year)
  if (cadence === 'quarterly') return `${year}-Q${step}`
  return `${year}-${String(step).padStart(2, '0')}`
}

/**
 * Reads a period as statistics offices write it and returns the key of `cadence`, or null.
 * Accepts the key itself and '2020年', '2020年第三季度' / '2020年3季度' / '2020Q3', '2020年8月' /
 * '2020年1-8月' (year-to-date through August) / '2020.08' / '2020/8'.
 */
export function normalisePeriod(raw: string, cadence: IndicatorCadence): string | null {
  const s = raw.trim().replace(/\s+/g, '')
  if (isPeriodOf(s, cadence)) return s
  const quarterNames: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 }
  let m: RegExpExecArray | null
  if (cadence === 'annual' && (m = /^(\d{4})年?(度)?$/.exec(s))) return checked(`${m[1]}`, cadence)
  if (cadence === 'quarterly' && (m = /^(\d{4})(?:年第?([一二三四1-4])季度?|[-_ ]?[Qq]([1-4]))$/.exec(s))) {
    return checked(`${m[1]}-Q${quarterNames[(m[2] ?? m[3]) as string]}`, cadence)
  }
  if (cadence === 'monthly' && (m = /^(\d{4})(?:年(?:1-|1—|1～|1~)?(\d{1,2})月|[./-](\d{1,2}))$/.exec(s))) {
    return checked(`${m[1]}-${String(m[2] ?? m[3]).padStart(2, '0')}`, cadence)
  }
  return null
}

function checked(key: string, cadence: IndicatorCadence): string | null {
  return isPeriodOf(key, cadence) ? key : null
}
