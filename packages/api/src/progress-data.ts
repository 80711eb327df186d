import type { Database } from '@onemap/db/database'
import {
  loadFacilityItems,
  loadProgrammeWindow,
  loadRoadItems,
  type FacilityItemRow,
  type ProgrammeWindow,
  type RoadItemRow,
} from '@onemap/db/queries/progress'
import { zoneToday } from '@onemap/domain/dates'
import { type FactsInput, itemFacts } from '@onemap/domain/item-facts'
import type { ScheduleItem, ScheduleState } from '@onemap/domain/schedule'
import { TRPCError } from '@trpc/server'

/** The programme or a 412: without one there is no deadline to measure against. */
export async function requireProgramme(db: Database): Promise<ProgrammeWindow> {
  const programme = await loadProgrammeWindow(db)
  if (!programme) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'No programme in the database: run `pnpm onemap seed` first',
    })
  }
  return programme
}

export const roadSchedule = (r: RoadItemRow): ScheduleItem => ({
  entity: 'road_segment',
  category: r.roadClass,
  status: r.status,
  suspendedFrom: r.suspendedFrom,
  plannedStart: r.plannedStart,
  actualStart: r.actualStart,
})

export const facilitySchedule = (f: FacilityItemRow): ScheduleItem => ({
  entity: 'facility',
  category: f.kind,
  status: f.status,
  suspendedFrom: f.suspendedFrom,
  plannedStart: f.plannedStart,
  actualStart: f.actualStart,
})

/** What the facts of a road segment or facility are computed from (see @onemap/domain/item-facts). */
const factsInput = (item: ScheduleItem, r: RoadItemRow | FacilityItemRow): FactsInput => ({
  ...item,
  plannedFinish: r.plannedFinish,
  suspendedSince: r.suspendedSince,
  revisedStart: r.revisedStart,
  revisedFinish: r.revisedFinish,
})

/** Schedule and lateness facts of a road segment. */
export const roadFacts = (r: RoadItemRow, today: string, deadline: string) =>
  itemFacts(factsInput(roadSchedule(r), r), today, deadline)

/** Schedule and lateness facts of a facility. */
export const facilityFacts = (f: FacilityItemRow, today: string, deadline: string) =>
  itemFacts(factsInput(facilitySchedule(f), f), today, deadline)

/** Everything the progress procedures compute from: the programme, both item lists and today's date. */
export async function loadProgress(db: Database, now: Date) {
  const [programme, roads, facilities] = await Promise.all([
    requireProgramme(db),
    loadRoadItems(db),
    loadFacilityItems(db),
  ])
  return { programme, roads, facilities, today: zoneToday(now) }
}

export type Progress = Awaited<ReturnType<typeof loadProgress>>

export const emptyStates = (): Record<ScheduleState, number> => ({
  done: 0,
  on_track: 0,
  at_risk: 0,
  overdue: 0,
  late: 0,
})
