import { addDays, daysBetween } from './dates.ts'
import type { EventEntity, FacilityKind, RoadClass } from './statuses.ts'
import { hasStarted, SUSPENDED } from './transitions.ts'

/**
 * Typical build time from groundbreaking to opening, in days, per road class. These are planning
 * assumptions (municipal practice for new urban roads including utilities), not measurements; change
 * them here and every at-risk flag and 倒排工期 date follows.
 */
export const TYPICAL_ROAD_BUILD_DAYS: Record<RoadClass, number> = {
  expressway: 900,
  arterial: 540,
  secondary: 365,
  branch: 240,
}

/**
 * The facilities goal is "started" (全部开工), so the time a facility needs before the deadline is
 * its preparation from planned start to groundbreaking; zero means starting on the deadline day counts.
 */
export const FACILITY_LEAD_DAYS: Record<FacilityKind, number> = {
  school: 0,
  kindergarten: 0,
  hospital: 0,
  clinic: 0,
  public_health: 0,
}

export const SCHEDULE_STATES = ['done', 'on_track', 'at_risk', 'overdue', 'late'] as const
export type ScheduleState = (typeof SCHEDULE_STATES)[number]

export interface ScheduleItem {
  entity: EventEntity
  /** Road class for segments, facility kind for facilities. */
  category: RoadClass | FacilityKind
  status: string
  /** Status held before the current suspension, when suspended. */
  suspendedFrom?: string | null | undefined
  plannedStart: string | null
  actualStart: string | null
}

/** Days the item needs between starting and meeting the goal (road opened / facility started). */
export function daysNeeded(item: Pick<ScheduleItem, 'entity' | 'category'>): number {
  return item.entity === 'road_segment'
    ? TYPICAL_ROAD_BUILD_DAYS[item.category as RoadClass]
    : FACILITY_LEAD_DAYS[item.category as FacilityKind]
}

/** Whether the item already meets its goal: a road segment completed, a facility started or later. */
export function meetsGoal(item: Pick<ScheduleItem, 'entity' | 'status' | 'suspendedFrom'>): boolean {
  if (item.entity === 'facility') return hasStarted('facility', item.status, item.suspendedFrom)
  return item.status === 'completed'
}

/** 倒排工期: the latest start date that still meets `deadline`, for an item not yet started. */
export function latestStart(item: Pick<ScheduleItem, 'entity' | 'category'>, deadline: string): string {
  return addDays(deadline, -daysNeeded(item))
}

/**
 * Classifies one item on `today` against the deadline. Precedence: done, then late (deadline passed),
 * overdue (planned start passed without a start), at risk (suspended, planned start after the latest
 * start, or the expected finish after the deadline), on track.
 */
export function scheduleState(item: ScheduleItem, today: string, deadline: string): ScheduleState {
  if (meetsGoal(item)) return 'done'
  if (today > deadline) return 'late'
  const started = hasStarted(item.entity, item.status, item.suspendedFrom)
  if (!started && item.plannedStart !== null && item.plannedStart < today) return 'overdue'
  const need = daysNeeded(item)
  // Stopped work is a risk whatever the dates say: nobody knows when it resumes.
  if (item.status === SUSPENDED) return 'at_risk'
  if (started) return addDays(item.actualStart ?? today, need) > deadline ? 'at_risk' : 'on_track'
  const start = item.plannedStart !== null && item.plannedStart > today ? item.plannedStart : today
  return addDays(start, need) > deadline ? 'at_risk' : 'on_track'
}

/** Days past the planned start for an item that has not started, else 0. */
export function overdueDays(item: ScheduleItem, today: string): number {
  if (hasStarted(item.entity, item.status, item.suspendedFrom) || item.plannedStart === null) return 0
  return Math.max(0, daysBetween(item.plannedStart, today))
}
