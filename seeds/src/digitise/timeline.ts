import type { FacilityStatus, RoadSegmentStatus } from '@onemap/domain/statuses'
import { PROGRAMME_2020 } from '../programme.ts'
import { randomInt, type Random } from './prng.ts'

/** The sample history ends on the day the dataset was made; nothing in it happens later. */
export const AS_OF = '2026-11-26'
const WINDOW_START = PROGRAMME_2020.window_start
const DEADLINE = PROGRAMME_2020.deadline

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + Math.round(days))
  return d.toISOString().slice(0, 10)
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function minDate(a: string, b: string): string {
  return a < b ? a : b
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b
}

export interface Dates {
  planned_start: string | null
  planned_finish: string | null
  actual_start: string | null
  actual_finish: string | null
}

export interface Step<S extends string> {
  from: S | null
  to: S
  on: string
  note: string
}

export interface Timeline<S extends string> {
  status: S
  dates: Dates
  steps: Step<S>[]
}

/** The plan every programme item starts from: listed after the report, due (mostly) by the deadline. */
export interface Plan {
  listed: string
  plannedStart: string
  plannedFinish: string
  durationDays: number
}

/** A plan of `durationDays`, starting after the report and, where the duration allows, finishing by the deadline. */
export function makePlan(random: Random, durationDays: number, fixedStart?: string): Plan {
  const listed = addDays(WINDOW_START, randomInt(random, 0, 45))
  let plannedStart = fixedStart ?? addDays(WINDOW_START, randomInt(random, 40, 560))
  if (!fixedStart && addDays(plannedStart, durationDays) > DEADLINE) {
    plannedStart = maxDate(addDays(listed, 14), addDays(DEADLINE, -durationDays - randomInt(random, 0, 60)))
  }
  return { listed, plannedStart, plannedFinish: addDays(plannedStart, durationDays), durationDays }
}

/** Shifts a plan's dates by a few days so segments of one road do not all share the same day. */
export function jitterPlan(random: Random, plan: Plan, maxDays: number): Plan {
  const shift = randomInt(random, 0, maxDays)
  return { ...plan, plannedStart: addDays(plan.plannedStart, shift), plannedFinish: addDays(plan.plannedFinish, shift) }
}

const LISTED_NOTE = 'listed in the 2020 three-year programme (sample)'
const SUSPENDED_NOTE = 'sample: suspended pending land acquisition (示例：征迁未完成)'
const RESUMED_NOTE = 'sample: works resumed'

/** A start date for work that began late but is still running today, within one duration of today. */
function lateStart(random: Random, plan: Plan): string {
  const earliest = maxDate(addDays(plan.plannedStart, 60), addDays(AS_OF, -plan.durationDays))
  const span = Math.max(1, daysBetween(earliest, addDays(AS_OF, -30)))
  return addDays(earliest, randomInt(random, 0, span))
}

/** A finish that took 90–150% of the planned duration, never after today. */
function finishAfter(random: Random, start: string, plan: Plan): string {
  const finish = addDays(start, plan.durationDays * (0.9 + random() * 0.6))
  return minDate(finish, addDays(AS_OF, -randomInt(random, 20, 90)))
}

export type RoadOutcome = 'completed' | 'resumed_completed' | 'under_construction' | 'planned' | 'suspended'

/** A road segment's history, from being listed to its status today. */
export function roadTimeline(random: Random, plan: Plan, outcome: RoadOutcome): Timeline<RoadSegmentStatus> {
  const listedStep: Step<RoadSegmentStatus> = { from: null, to: 'planned', on: plan.listed, note: LISTED_NOTE }
  const planned = { planned_start: plan.plannedStart, planned_finish: plan.plannedFinish }
  if (outcome === 'planned') {
    return { status: 'planned', dates: { ...planned, actual_start: null, actual_finish: null }, steps: [listedStep] }
  }
  if (outcome === 'under_construction') {
    const start = lateStart(random, plan)
    return {
      status: 'under_construction',
      dates: { ...planned, actual_start: start, actual_finish: null },
      steps: [
        listedStep,
        { from: 'planned', to: 'under_construction', on: start, note: 'works started (sample date)' },
      ],
    }
  }
  const start = maxDate(addDays(plan.listed, 7), addDays(plan.plannedStart, randomInt(random, -10, 150)))
  const started: Step<RoadSegmentStatus> = {
    from: 'planned',
    to: 'under_construction',
    on: start,
    note: 'works started (sample date)',
  }
  if (outcome === 'suspended') {
    const pause = addDays(start, randomInt(random, 60, Math.max(90, plan.durationDays * 0.6)))
    return {
      status: 'suspended',
      dates: { ...planned, actual_start: start, actual_finish: null },
      steps: [
        listedStep,
        started,
        { from: 'under_construction', to: 'suspended', on: minDate(pause, addDays(AS_OF, -30)), note: SUSPENDED_NOTE },
      ],
    }
  }
  const steps = [listedStep, started]
  let finish = finishAfter(random, start, plan)
  if (outcome === 'resumed_completed') {
    const pause = addDays(start, Math.round(plan.durationDays * 0.3))
    const resume = addDays(pause, randomInt(random, 60, 200))
    finish = maxDate(finish, addDays(resume, 60))
    if (finish < AS_OF) {
      steps.push({ from: 'under_construction', to: 'suspended', on: pause, note: SUSPENDED_NOTE })
      steps.push({ from: 'suspended', to: 'under_construction', on: resume, note: RESUMED_NOTE })
    } else finish = finishAfter(random, start, plan)
  }
  steps.push({ from: 'under_construction', to: 'completed', on: finish, note: 'opened to traffic (sample date)' })
  return { status: 'completed', dates: { ...planned, actual_start: start, actual_finish: finish }, steps }
}

export type FacilityOutcome = 'in_service' | 'completed' | 'started' | 'planned' | 'suspended'

/**
 * A facility's history. `fixedStart` is a known real start (高新医院: 2022-03-04); every other date
 * is drawn from the seeded stream.
 */
export function facilityTimeline(
  random: Random,
  plan: Plan,
  outcome: FacilityOutcome,
  fixedStart?: string,
): Timeline<FacilityStatus> {
  const listedStep: Step<FacilityStatus> = { from: null, to: 'planned', on: plan.listed, note: LISTED_NOTE }
  const planned = { planned_start: plan.plannedStart, planned_finish: plan.plannedFinish }
  if (outcome === 'planned') {
    return { status: 'planned', dates: { ...planned, actual_start: null, actual_finish: null }, steps: [listedStep] }
  }
  // A facility completed but not yet open finished within the last weeks, so its start is one duration earlier.
  const recentFinish = addDays(AS_OF, -randomInt(random, 15, 80))
  const start =
    fixedStart ??
    (outcome === 'started'
      ? lateStart(random, plan)
      : outcome === 'completed'
        ? maxDate(addDays(plan.listed, 7), addDays(recentFinish, -plan.durationDays * (0.9 + random() * 0.4)))
        : maxDate(addDays(plan.listed, 7), addDays(plan.plannedStart, randomInt(random, -10, 120))))
  const startNote = fixedStart ? 'construction started (real date)' : 'construction started (sample date)'
  const steps: Step<FacilityStatus>[] = [listedStep, { from: 'planned', to: 'started', on: start, note: startNote }]
  const dates: Dates = { ...planned, actual_start: start, actual_finish: null }
  if (outcome === 'started') return { status: 'started', dates, steps }
  if (outcome === 'suspended') {
    const pause = addDays(start, randomInt(random, 90, Math.max(120, plan.durationDays * 0.5)))
    steps.push({ from: 'started', to: 'suspended', on: minDate(pause, addDays(AS_OF, -30)), note: SUSPENDED_NOTE })
    return { status: 'suspended', dates, steps }
  }
  // Completed recently (not yet open) or completed and opened some weeks later.
  const finish =
    outcome === 'completed' ? recentFinish : minDate(finishAfter(random, start, plan), addDays(AS_OF, -200))
  steps.push({ from: 'started', to: 'completed', on: finish, note: 'construction completed (sample date)' })
  dates.actual_finish = finish
  if (outcome === 'completed') return { status: 'completed', dates, steps }
  steps.push({
    from: 'completed',
    to: 'in_service',
    on: addDays(finish, randomInt(random, 30, 150)),
    note: 'opened (sample date)',
  })
  return { status: 'in_service', dates, steps }
}
