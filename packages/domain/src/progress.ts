import type { StatusChange } from './change-event.ts'
import { FACILITY_KINDS, type EventEntity, type FacilityKind } from './statuses.ts'
import { hasStarted, SUSPENDED } from './transitions.ts'

/** A road segment as the roads goal sees it; length in metres on the CGCS2000 ellipsoid. */
export interface RoadGoalItem {
  id: string
  lengthM: number
  status: string
  inProgramme: boolean
}

/** A facility as the facilities goal sees it. */
export interface FacilityGoalItem {
  id: string
  kind: FacilityKind
  status: string
  suspendedFrom?: string | null | undefined
  inProgramme: boolean
}

export interface RoadGoal {
  plannedM: number
  completedM: number
  /** completedM / plannedM, or null when nothing is planned. */
  ratio: number | null
}

export interface FacilityCount {
  planned: number
  started: number
  ratio: number | null
}

export interface FacilityGoal extends FacilityCount {
  byKind: Record<FacilityKind, FacilityCount>
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/** Roads goal: completed length over planned length of programme segments (pre-programme context excluded). */
export function roadGoal(items: readonly RoadGoalItem[]): RoadGoal {
  let plannedM = 0
  let completedM = 0
  for (const item of items) {
    if (!item.inProgramme) continue
    plannedM += item.lengthM
    if (item.status === 'completed') completedM += item.lengthM
  }
  return { plannedM, completedM, ratio: ratio(completedM, plannedM) }
}

/** Facilities goal: programme facilities started (started, completed or in service) over all planned, by kind. */
export function facilityGoal(items: readonly FacilityGoalItem[]): FacilityGoal {
  const byKind = Object.fromEntries(FACILITY_KINDS.map((k) => [k, { planned: 0, started: 0, ratio: null }])) as Record<
    FacilityKind,
    FacilityCount
  >
  let planned = 0
  let started = 0
  for (const item of items) {
    if (!item.inProgramme) continue
    const bucket = byKind[item.kind]
    planned += 1
    bucket.planned += 1
    if (hasStarted('facility', item.status, item.suspendedFrom)) {
      started += 1
      bucket.started += 1
    }
  }
  for (const k of FACILITY_KINDS) byKind[k].ratio = ratio(byKind[k].started, byKind[k].planned)
  return { planned, started, ratio: ratio(started, planned), byKind }
}

/** One row of the audit trail as replay needs it. */
export type ReplayEvent = Pick<StatusChange, 'id' | 'entity' | 'entityId' | 'from' | 'to' | 'happenedOn'>

export interface ReplayedState {
  status: string
  suspendedFrom: string | null
}

/** Key of an item across both entities. */
export const itemKey = (entity: EventEntity, id: string) => `${entity}:${id}`

/** Orders events as they took effect: by site date, then by the order they were entered. */
export function byEffect(a: ReplayEvent, b: ReplayEvent): number {
  return a.happenedOn < b.happenedOn ? -1 : a.happenedOn > b.happenedOn ? 1 : a.id - b.id
}

/** Applies one event to a state map (mutates it). */
export function applyEvent(states: Map<string, ReplayedState>, e: ReplayEvent): void {
  const key = itemKey(e.entity, e.entityId)
  const before = states.get(key)
  const suspendedFrom = e.to === SUSPENDED ? (before?.status ?? e.from ?? 'planned') : null
  // A correction may land on 'suspended' again: keep what it was suspended from.
  states.set(key, {
    status: e.to,
    suspendedFrom: e.to === SUSPENDED && before?.status === SUSPENDED ? before.suspendedFrom : suspendedFrom,
  })
}

/**
 * The status of every item on `date` (inclusive), replaying events in effect order. Items without
 * an event on or before `date` are absent: the caller treats them as 'planned'.
 */
export function replayStatuses(events: readonly ReplayEvent[], date: string): Map<string, ReplayedState> {
  const states = new Map<string, ReplayedState>()
  for (const e of [...events].sort(byEffect)) {
    if (e.happenedOn > date) break
    applyEvent(states, e)
  }
  return states
}
