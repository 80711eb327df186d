import { monthEnd, monthStarts } from './dates.ts'
import {
  applyEvent,
  byEffect,
  facilityGoal,
  itemKey,
  roadGoal,
  type FacilityGoalItem,
  type ReplayedState,
  type ReplayEvent,
  type RoadGoalItem,
} from './progress.ts'

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

type Road = Omit<RoadGoalItem, 'status'>
type Facility = Omit<FacilityGoalItem, 'status' | 'suspendedFrom'>

/**
 * Both goals at the end of every month from `start` to `today`, replaying the event log once.
 * Today's items are measured at each past date, so a split segment counts with its parts throughout.
 */
export function goalTimeline(
  roads: readonly Road[],
  facilities: readonly Facility[],
  events: readonly ReplayEvent[],
  start: string,
  today: string,
): TimelinePoint[] {
  const sorted = [...events].sort(byEffect)
  const states = new Map<string, ReplayedState>()
  let next = 0
  const points: TimelinePoint[] = []
  for (const month of monthStarts(start, today)) {
    const end = monthEnd(month)
    const date = end > today ? today : end
    while (next < sorted.length && sorted[next]!.happenedOn <= date) applyEvent(states, sorted[next++]!)
    const status = (entity: 'road_segment' | 'facility', id: string) => states.get(itemKey(entity, id))
    const r = roadGoal(roads.map((x) => ({ ...x, status: status('road_segment', x.id)?.status ?? 'planned' })))
    const f = facilityGoal(
      facilities.map((x) => {
        const s = status('facility', x.id)
        return { ...x, status: s?.status ?? 'planned', suspendedFrom: s?.suspendedFrom ?? null }
      }),
    )
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
