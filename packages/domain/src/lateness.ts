import { addDays, daysBetween } from './dates.ts'
import { latestStart, type ScheduleItem } from './schedule.ts'
import { hasStarted, SUSPENDED } from './transitions.ts'

/**
 * One measure of lateness for every unfinished item (road segment or facility), used by every view that
 * sorts or says "N days late": the workbench table and drawer, the wall, the public card and exports.
 * See docs/lateness.md for the rules in words.
 *
 * - planned, not started: days since the planned start (or, with no planned start, the 倒排工期 latest start);
 * - started, unfinished: days past the planned finish;
 * - suspended: the larger of days suspended and days past the planned finish (or, when suspended before
 *   starting, days since the planned start).
 * Finished items (a completed segment; a facility completed or in service) have no lateness.
 */
export type LatenessBasis = 'not_started' | 'unfinished' | 'suspended'

export interface LatenessItem extends ScheduleItem {
  plannedFinish: string | null
  /** Day the current suspension began (from the event log), when suspended. */
  suspendedSince?: string | null | undefined
}

export interface Lateness {
  basis: LatenessBasis
  /** The sort key: how late the item is on `basis`, in whole days, never negative. */
  days: number
  /** Days past the planned finish (0 when no finish is planned or it has not passed). */
  daysPastFinish: number
  /** Days since the planned (or latest) start for an item that has not started, else 0. */
  daysPastStart: number
  /** Days since the suspension began, for a suspended item, else 0. */
  daysSuspended: number
}

const FINISHED: Record<ScheduleItem['entity'], readonly string[]> = {
  road_segment: ['completed'],
  facility: ['completed', 'in_service'],
}

const pastDays = (date: string | null | undefined, today: string) =>
  date == null ? 0 : Math.max(0, daysBetween(date, today))

/** Whether the item is finished (no lateness): a segment completed, a facility completed or in service. */
export function isFinished(item: Pick<ScheduleItem, 'entity' | 'status'>): boolean {
  return FINISHED[item.entity].includes(item.status)
}

/**
 * Lateness of `item` on `today` against its plan (pass revised dates in plannedStart/plannedFinish to read
 * it against a revised plan). `deadline` gives the latest start when no start is planned. Null when finished.
 */
export function lateness(item: LatenessItem, today: string, deadline: string): Lateness | null {
  if (isFinished(item)) return null
  const started = hasStarted(item.entity, item.status, item.suspendedFrom)
  const start = item.plannedStart ?? latestStart(item, deadline)
  const daysPastStart = started ? 0 : pastDays(start, today)
  const daysPastFinish = pastDays(item.plannedFinish, today)
  if (item.status === SUSPENDED) {
    const daysSuspended = pastDays(item.suspendedSince, today)
    return {
      basis: 'suspended',
      days: Math.max(daysSuspended, daysPastFinish, daysPastStart),
      daysPastFinish,
      daysPastStart,
      daysSuspended,
    }
  }
  if (!started) return { basis: 'not_started', days: daysPastStart, daysPastFinish, daysPastStart, daysSuspended: 0 }
  return { basis: 'unfinished', days: daysPastFinish, daysPastFinish, daysPastStart: 0, daysSuspended: 0 }
}

/** Lateness read against both plans: the 2020 baseline and, when recorded, the revised plan. */
export interface PlanLateness {
  baseline: Lateness | null
  /** Null when no revised plan is recorded or the item is finished. */
  revised: Lateness | null
}

export interface RevisedPlan {
  revisedStart: string | null
  revisedFinish: string | null
}

/** Lateness against the baseline and against the revised plan (比基线晚 N 天, 比调整计划晚 M 天). */
export function planLateness(
  item: LatenessItem,
  revised: RevisedPlan | null,
  today: string,
  deadline: string,
): PlanLateness {
  const baseline = lateness(item, today, deadline)
  if (revised === null || (revised.revisedStart === null && revised.revisedFinish === null))
    return { baseline, revised: null }
  const against = {
    ...item,
    plannedStart: revised.revisedStart ?? item.plannedStart,
    plannedFinish: revised.revisedFinish ?? item.plannedFinish,
  }
  return { baseline, revised: lateness(against, today, deadline) }
}

/** Sorts most late first; finished items (null) last; ties keep their order. */
export function compareLateness(a: Lateness | null, b: Lateness | null): number {
  return (b?.days ?? -1) - (a?.days ?? -1)
}

/** The day an unfinished item became late on its basis (for "became overdue this week"), or null if not late. */
export function lateSince(item: LatenessItem, today: string, deadline: string): string | null {
  const l = lateness(item, today, deadline)
  if (l === null || l.days === 0) return null
  return addDays(today, -l.days)
}
