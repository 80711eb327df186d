import { planLateness } from './lateness.ts'
import { latestStart, overdueDays, scheduleState, type ScheduleItem } from './schedule.ts'

/**
 * What an item's schedule and lateness facts are computed from: its schedule item plus its planned
 * finish, current suspension and revised plan. The server computes a table row's facts from it, and a
 * workbench patching a row from a live change computes the same facts from the same fields.
 */
export interface FactsInput extends ScheduleItem {
  plannedFinish: string | null
  /** Site date of the event that began the current suspension, when suspended. */
  suspendedSince: string | null
  revisedStart: string | null
  revisedFinish: string | null
}

/** Schedule facts of one item on `today`: its state, days overdue, and 倒排工期 latest start when unstarted. */
export function scheduleFacts(item: ScheduleItem, today: string, deadline: string) {
  const state = scheduleState(item, today, deadline)
  const days = overdueDays(item, today)
  const notStarted = item.actualStart === null && state !== 'done'
  return { state, overdueDays: days, latestStart: notStarted ? latestStart(item, deadline) : null }
}

/**
 * Lateness of one item on `today` (docs/lateness.md) against the 2020 baseline and, when recorded,
 * the revised plan. `lateDays`/`lateDaysRevised` are the sort keys; null for a finished item.
 */
export function latenessFacts(item: FactsInput, today: string, deadline: string) {
  const { baseline, revised } = planLateness(
    item,
    { revisedStart: item.revisedStart, revisedFinish: item.revisedFinish },
    today,
    deadline,
  )
  return {
    suspendedSince: item.suspendedSince,
    revisedStart: item.revisedStart,
    revisedFinish: item.revisedFinish,
    lateness: baseline,
    latenessRevised: revised,
    lateDays: baseline?.days ?? null,
    lateDaysRevised: revised?.days ?? null,
  }
}

/** Schedule and lateness facts of an item, as every table row shows them. */
export function itemFacts(item: FactsInput, today: string, deadline: string) {
  return { ...scheduleFacts(item, today, deadline), ...latenessFacts(item, today, deadline) }
}
