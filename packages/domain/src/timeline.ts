import { monthEnd, monthStarts } from './dates.ts'
import {
  applyEvent,
  byEffect,
  facilityGoal,
  roadGoal,
  type FacilityGoalItem,
  type ReplayedState,
  type ReplayEvent,
  type RoadGoalItem,
} from './progress.ts'
import { stateOn, statusesBeforeFirstEvent, type DatedItem } from './unlogged-status.ts'

export interface TimelinePoint {
  /** The day the point describes: the last day of the month, or `today` for the current month. */
  date: string
  roadsCompletedM: number
  roadsPlannedM: number
  roadsRatio: number | null
  facilitiesStarted: number
  facilitiesPlanned: number
  facilitiesRatio: number | null
}

type Road = RoadGoalItem & DatedItem
type Facility = Omit<FacilityGoalItem, 'suspendedFrom'> & DatedItem

/**
 * Both goals at the end of every month from `start` to `today`, replaying the event log once.
 * Today's items are measured at each past date, so a split segment counts with its parts throughout;
 * an item the log is silent about is rebuilt from its actual dates (see statusBeforeLog).
 */
export function goalTimeline(
  roads: readonly Road[],
  facilities: readonly Facility[],
  events: readonly ReplayEvent[],
  start: string,
  today: string,
): TimelinePoint[] {
  const sorted = [...events].sort(byEffect)
  const before = statusesBeforeFirstEvent(sorted)
  const states = new Map<string, ReplayedState>()
  let next = 0
  const points: TimelinePoint[] = []
  for (const month of monthStarts(start, today)) {
    const end = monthEnd(month)
    const date = end > today ? today : end
    while (next < sorted.length && sorted[next]!.happenedOn <= date) applyEvent(states, sorted[next++]!)
    const r = roadGoal(roads.map((x) => ({ ...x, status: stateOn('road_segment', x, states, before, date).status })))
    const f = facilityGoal(facilities.map((x) => ({ ...x, ...stateOn('facility', x, states, before, date) })))
    points.push({
      date,
      roadsCompletedM: r.completedM,
      roadsPlannedM: r.plannedM,
      roadsRatio: r.ratio,
      facilitiesStarted: f.started,
      facilitiesPlanned: f.planned,
      facilitiesRatio: f.ratio,
    })
  }
  return points
}
