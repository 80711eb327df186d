import { type Lateness, lateness } from '@onemap/domain/lateness'
import { hasStarted } from '@onemap/domain/transitions'
import type { Facility } from './facility-model.ts'
import type { Road, Segment } from './road-model.ts'

/**
 * What the 2020 goals leave to do, computed from the public fields by the rules the progress figures
 * use (@onemap/domain/progress): a programme facility counts once it has started (also when suspended
 * after starting); a programme road segment once it is built.
 */

/** Programme facilities that have not started: the "N not started" list under the headline. */
export function facilitiesNotStarted(facilities: readonly Facility[]): Facility[] {
  return facilities.filter((f) => f.in_programme && !hasStarted('facility', f.status, f.suspended_from))
}

/** Metres of a road's programme segments not yet built. */
export const unbuiltM = (road: Road): number => road.programmeM - road.programmeBuiltM

/** Roads with programme length still unbuilt, most unbuilt first: the "M km not built" list. */
export function roadsNotBuilt(roads: readonly Road[]): Road[] {
  // Half a metre: lengths are rounded to 0.1 m per segment, so sums carry rounding noise.
  return roads.filter((r) => unbuiltM(r) > 0.5).sort((a, b) => unbuiltM(b) - unbuiltM(a))
}

/** The schedule facts a card states, measured by the one lateness rule (docs/lateness.md). */
export function facilityLateness(f: Facility, today: string, deadline: string): Lateness | null {
  return lateness(
    {
      entity: 'facility',
      category: f.kind,
      status: f.status,
      suspendedFrom: f.suspended_from,
      suspendedSince: f.suspended_since,
      plannedStart: f.planned_start,
      plannedFinish: f.planned_finish,
      actualStart: f.actual_start,
    },
    today,
    deadline,
  )
}

export function segmentLateness(s: Segment, today: string, deadline: string): Lateness | null {
  return lateness(
    {
      entity: 'road_segment',
      category: s.class,
      status: s.status,
      suspendedFrom: s.suspended_from,
      suspendedSince: s.suspended_since,
      plannedStart: s.planned_start,
      plannedFinish: s.planned_finish,
      actualStart: s.actual_start,
    },
    today,
    deadline,
  )
}

/** The i18n key and values of the sentence that says how late an item is, or null when finished. */
export function latenessWords(l: Lateness | null): { key: string; days: number } | null {
  if (l === null) return null
  if (l.days === 0) return { key: 'late.onTime', days: 0 }
  if (l.basis === 'suspended') return { key: 'late.suspended', days: l.days }
  if (l.basis === 'not_started') return { key: 'late.notStarted', days: l.days }
  return { key: 'late.unfinished', days: l.days }
}
