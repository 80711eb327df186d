import { z } from 'zod'
import {
  IndicatorCadence,
  isPeriodOf,
  lastPeriodOfYear,
  periodEnd,
  periodYear,
  yearFraction,
} from './indicator-periods.ts'
import { daysBetween } from './dates.ts'

/**
 * The indicator registry's shape and the pace rules that turn reported values into a status.
 * The registry itself (the work report's figures) is data in ./indicator-registry.ts; the rules are
 * documented in docs/indicators.md. Fixed lists here are mirrored by CHECK constraints (migration 006).
 */

/** Groups of indicators, as the wall and the public page show them. */
export const INDICATOR_CATEGORIES = [
  'economy',
  'innovation',
  'enterprises',
  'opening_up',
  'investment',
  'housing',
  'services',
  'government',
  'environment',
  'employment',
] as const
export const IndicatorCategory = z.enum(INDICATOR_CATEGORIES)
export type IndicatorCategory = z.infer<typeof IndicatorCategory>

/** Whether a target is a floor (reach at least) or a ceiling (stay at most). */
export const INDICATOR_DIRECTIONS = ['>=', '<='] as const
export const IndicatorDirection = z.enum(INDICATOR_DIRECTIONS)
export type IndicatorDirection = z.infer<typeof IndicatorDirection>

/**
 * How pace is judged (docs/indicators.md):
 * - ytd: a year-to-date total that should grow linearly to the target by the end of the target year;
 * - trajectory: a yearly level that should move linearly from its baseline to the target;
 * - level: a rate or share judged on its latest value against the target.
 */
export const PACE_RULES = ['ytd', 'trajectory', 'level'] as const
export const PaceRule = z.enum(PACE_RULES)
export type PaceRule = z.infer<typeof PaceRule>

/** The status of an indicator on its latest value. `no_data` until a value is reported. */
export const INDICATOR_STATUSES = ['on_pace', 'behind', 'met', 'missed', 'no_data'] as const
export const IndicatorStatus = z.enum(INDICATOR_STATUSES)
export type IndicatorStatus = z.infer<typeof IndicatorStatus>

/** Why a value or milestone change was recorded (audit trail). */
export const INDICATOR_EVENT_KINDS = ['edit', 'correction', 'import', 'seed'] as const
export const IndicatorEventKind = z.enum(INDICATOR_EVENT_KINDS)
export type IndicatorEventKind = z.infer<typeof IndicatorEventKind>

/** What an audit row is about. */
export const INDICATOR_EVENT_SUBJECTS = ['indicator', 'milestone'] as const

export const IndicatorId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'an id of lower-case letters, digits and hyphens')

/** One target: reach `value` by the last period of `year`. */
export const IndicatorTarget = z.object({ value: z.number(), year: z.number().int().min(2000).max(2050) })
export type IndicatorTarget = z.infer<typeof IndicatorTarget>

export const Indicator = z.object({
  id: IndicatorId,
  category: IndicatorCategory,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  /** As the report gives it: 亿元, %, 家, 万m², 套, 万美元, 个, 百分点. */
  unit: z.string().min(1),
  direction: IndicatorDirection,
  cadence: IndicatorCadence,
  pace: PaceRule,
  /** Growth rates and differences may fall below zero; totals, counts and shares may not. */
  allowNegative: z.boolean().default(false),
  /** One or more targets, earliest first (GDP: 700 亿元 by 2022, 1 000 亿元 by 2025). */
  targets: z.array(IndicatorTarget).min(1),
  definition_zh: z.string().min(1),
  definition_en: z.string().min(1),
  source: z.string().min(1),
})
export type Indicator = z.infer<typeof Indicator>

export const Milestone = z.object({
  id: IndicatorId,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  dueOn: z.iso.date(),
  definition_zh: z.string().min(1),
  definition_en: z.string().min(1),
  source: z.string().min(1),
})
export type Milestone = z.infer<typeof Milestone>

/** One reported value of an indicator for a period. */
export interface PeriodValue {
  period: string
  value: number
}

export interface IndicatorAssessment {
  status: IndicatorStatus
  /** The target the status is judged against. */
  target: IndicatorTarget
  /** The target's final period in the indicator's cadence. */
  targetPeriod: string
  /** The latest value used, or null (no_data). */
  latest: PeriodValue | null
  /** What the pace rule expects at the latest period; null for level indicators and no data. */
  expected: number | null
}

const meets = (direction: IndicatorDirection, value: number, target: number) =>
  direction === '>=' ? value >= target : value <= target

/**
 * The target an indicator is judged against after `latest`: the first whose final period is not
 * before it, else the last one (values reported after every target year).
 */
function currentTarget(ind: Indicator, latestPeriod: string | null): { target: IndicatorTarget; index: number } {
  const index =
    latestPeriod === null ? 0 : ind.targets.findIndex((t) => lastPeriodOfYear(t.year, ind.cadence) >= latestPeriod)
  const i = index === -1 ? ind.targets.length - 1 : index
  return { target: ind.targets[i] as IndicatorTarget, index: i }
}

/**
 * Status of an indicator on the values reported so far (periods in its cadence; others ignored).
 * Judged on the data, not on today's date: a target year without its final value is judged on pace
 * or behind on the latest value, and met or missed once the final period is reported.
 */
export function assessIndicator(ind: Indicator, values: readonly PeriodValue[]): IndicatorAssessment {
  const sorted = values.filter((v) => isPeriodOf(v.period, ind.cadence)).sort((a, b) => (a.period < b.period ? -1 : 1))
  const last = sorted.at(-1) ?? null
  const { target, index } = currentTarget(ind, last?.period ?? null)
  const targetPeriod = lastPeriodOfYear(target.year, ind.cadence)
  // Year-to-date totals restart each year: only values of the target year count.
  const latest = ind.pace === 'ytd' ? (sorted.filter((v) => periodYear(v.period) === target.year).at(-1) ?? null) : last
  if (!latest) return { status: 'no_data', target, targetPeriod, latest: null, expected: null }
  const final = latest.period >= targetPeriod
  const reached = meets(ind.direction, latest.value, target.value)
  const expected = expectedAt(ind, sorted, latest, index)
  let status: IndicatorStatus
  if (final) status = reached ? 'met' : 'missed'
  // A year-to-date total cannot shrink, so reaching it early is final; a level may still slip.
  else if (ind.pace === 'ytd' && reached) status = 'met'
  else if (expected === null) status = reached ? 'on_pace' : 'behind'
  else status = meets(ind.direction, latest.value, expected) ? 'on_pace' : 'behind'
  return { status, target, targetPeriod, latest, expected }
}

/** The value the pace rule expects at the latest period (null for level indicators). */
function expectedAt(
  ind: Indicator,
  sorted: readonly PeriodValue[],
  latest: PeriodValue,
  targetIndex: number,
): number | null {
  const target = ind.targets[targetIndex] as IndicatorTarget
  if (ind.pace === 'level') return null
  if (ind.pace === 'ytd') return target.value * yearFraction(latest.period, ind.cadence)
  // trajectory: a straight line from the baseline (the value at the previous target's final period,
  // else the earliest value reported) to the target at the end of the target year.
  const previous = ind.targets[targetIndex - 1]
  const previousPeriod = previous ? lastPeriodOfYear(previous.year, ind.cadence) : null
  const baseline = (previousPeriod && sorted.find((v) => v.period === previousPeriod)) || sorted[0]
  if (!baseline || baseline.period === latest.period) return baseline ? baseline.value : null
  const span = daysBetween(periodEnd(baseline.period, ind.cadence), `${target.year}-12-31`)
  const done = daysBetween(periodEnd(baseline.period, ind.cadence), periodEnd(latest.period, ind.cadence))
  return baseline.value + ((target.value - baseline.value) * done) / span
}

/** A milestone's state: done on or before its date, done late, still open, or overdue at `today`. */
export type MilestoneStatus = 'done' | 'done_late' | 'open' | 'overdue'

export function milestoneStatus(dueOn: string, doneOn: string | null, today: string): MilestoneStatus {
  if (doneOn) return doneOn <= dueOn ? 'done' : 'done_late'
  return today > dueOn ? 'overdue' : 'open'
}

/** A value as text without float noise (for the audit trail and CSV): 470, 12.5, 0.069. */
export function formatIndicatorValue(value: number): string {
  return String(Number(value.toPrecision(12)))
}
