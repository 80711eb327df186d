import type { ReplayedState, ReplayEvent } from './progress.ts'
import { itemKey } from './progress.ts'
import type { EventEntity } from './statuses.ts'
import { STATUS_CHAINS, SUSPENDED } from './transitions.ts'

/** An item on a date the event log says nothing about (no event on or before it). */
export interface UnloggedItem {
  entity: EventEntity
  /**
   * What the item was before the log knew it: its first event's `from` status, 'planned' when that
   * event has none, or its current status when it has no events at all (loaded as it is, e.g. a road
   * built before the programme).
   */
  baseStatus: string
  actualStart: string | null
  actualFinish: string | null
}

// Stages the recorded dates can prove: 0 planned, 1 under way (actual start), 2 finished (actual finish).
type Stage = 0 | 1 | 2

function stageOfStatus(item: UnloggedItem): Stage {
  // A suspension without a log entry happened after the start if the item has a start date.
  if (item.baseStatus === SUSPENDED) return item.actualStart !== null ? 1 : 0
  const index = (STATUS_CHAINS[item.entity] as readonly string[]).indexOf(item.baseStatus)
  return Math.max(0, Math.min(2, index)) as Stage
}

function stageOnDate(item: UnloggedItem, date: string): Stage {
  if (item.actualFinish !== null && item.actualFinish <= date) return 2
  if (item.actualStart !== null && item.actualStart <= date) return 1
  return 0
}

/**
 * The state on `date` (inclusive) of an item with no event on or before it, rebuilt from what is known:
 *  - no actual dates: the base status holds on every date, since nothing records a change;
 *  - otherwise the actual dates decide the stage (finish ≤ date → finished, start ≤ date → under
 *    way, else planned), never beyond the base status: without a logged correction an item was
 *    never further along than it is now. Within the base status's own stage the base status itself
 *    is shown, so an item in service or suspended now is so from its last recorded date.
 */
export function statusBeforeLog(item: UnloggedItem, date: string): ReplayedState {
  if (item.actualStart === null && item.actualFinish === null) {
    return { status: item.baseStatus, suspendedFrom: item.baseStatus === SUSPENDED ? 'planned' : null }
  }
  const ceiling = stageOfStatus(item)
  const stage = Math.min(stageOnDate(item, date), ceiling) as Stage
  const chain = STATUS_CHAINS[item.entity]
  if (stage === ceiling && item.baseStatus === SUSPENDED) return { status: SUSPENDED, suspendedFrom: chain[stage] }
  if (stage === ceiling) return { status: item.baseStatus, suspendedFrom: null }
  return { status: chain[stage], suspendedFrom: null }
}

/**
 * Per item key (`entity:id`), the status before its first event in effect order: that event's `from`,
 * or 'planned' when it has none (the item was created by it).
 */
export function statusesBeforeFirstEvent(sortedEvents: readonly ReplayEvent[]): Map<string, string> {
  const before = new Map<string, string>()
  for (const e of sortedEvents) {
    const key = itemKey(e.entity, e.entityId)
    if (!before.has(key)) before.set(key, e.from ?? 'planned')
  }
  return before
}

/** What an item needs for its past state when the log is silent: its id, current status and actual dates. */
export interface DatedItem {
  id: string
  status: string
  actualStart: string | null
  actualFinish: string | null
}

/**
 * The state of an item on `date`: its replayed state from `states` (events up to the date) when it
 * has one, else `statusBeforeLog` with `before` (see statusesBeforeFirstEvent) or its current status.
 */
export function stateOn(
  entity: EventEntity,
  item: DatedItem,
  states: ReadonlyMap<string, ReplayedState>,
  before: ReadonlyMap<string, string>,
  date: string,
): ReplayedState {
  const key = itemKey(entity, item.id)
  const replayed = states.get(key)
  if (replayed) return replayed
  const baseStatus = before.get(key) ?? item.status
  return statusBeforeLog({ entity, baseStatus, actualStart: item.actualStart, actualFinish: item.actualFinish }, date)
}
