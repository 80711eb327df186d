import type { Database } from '@onemap/db/database'
import { facilityDetail, matchingIds } from '@onemap/db/queries/analysis'
import { loadFacilityItem, type FacilityItemRow } from '@onemap/db/queries/progress'
import { zoneToday } from '@onemap/domain/dates'
import { FeatureFilter, noNul } from '@onemap/domain/layer-filters'
import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import { SCHEDULE_STATES } from '@onemap/domain/schedule'
import { TRPCError } from '@trpc/server'
import { exportCollection } from '../export-features.ts'
import { z } from 'zod'
import { viewerProcedure } from '../procedures.ts'
import { facilityFacts, loadProgress, requireProgramme } from '../progress-data.ts'
import { pageOf, sortedPageInput, sortRowsBy } from '../sort-rows.ts'
import { checkSelection } from '../selection.ts'

const FACILITIES = findLayer('facilities') as LayerDefinition
const Id = z.string().min(1).max(200).refine(noNul, 'must not contain NUL')

/** The planner's facility filter: the shared feature filter (kind, status, place, dates) plus schedule and programme. */
export const FacilitySelection = z.strictObject({
  filter: FeatureFilter.default({}),
  schedule: z.array(z.enum(SCHEDULE_STATES)).min(1).max(SCHEDULE_STATES.length).optional(),
  /** Programme items (the 2020 goal) or context facilities in service before the window. */
  inProgramme: z.boolean().optional(),
})
export type FacilitySelection = z.infer<typeof FacilitySelection>

export const FACILITY_SORTS = [
  'lateness',
  'id',
  'name',
  'kind',
  'status',
  'planned_start',
  'planned_finish',
  'sub_district',
] as const

function toFacilityRow(f: FacilityItemRow, today: string, deadline: string) {
  return {
    id: f.id,
    kind: f.kind,
    nameZh: f.nameZh,
    nameEn: f.nameEn,
    status: f.status,
    suspendedFrom: f.suspendedFrom,
    version: f.version,
    inProgramme: f.inProgramme,
    subDistrictCode: f.subDistrictCode,
    subDistrictName: f.subDistrictName,
    plannedStart: f.plannedStart,
    plannedFinish: f.plannedFinish,
    actualStart: f.actualStart,
    actualFinish: f.actualFinish,
    ...facilityFacts(f, today, deadline),
  }
}
export type FacilityRow = ReturnType<typeof toFacilityRow>

async function selectFacilities(db: Database, now: Date, s: FacilitySelection) {
  await checkSelection(db, FACILITIES, s)
  const [{ programme, facilities, today }, ids] = await Promise.all([
    loadProgress(db, now),
    matchingIds(db, 'facilities', s.filter),
  ])
  const wanted = new Set(ids)
  const states = s.schedule ? new Set<string>(s.schedule) : null
  const rows = facilities
    .filter((f) => wanted.has(f.id) && (s.inProgramme === undefined || f.inProgramme === s.inProgramme))
    .map((f) => toFacilityRow(f, today, programme.deadline))
    .filter((r) => !states || states.has(r.state))
  return { rows, today }
}

const SORT_KEY: Record<(typeof FACILITY_SORTS)[number], (r: FacilityRow) => string | number | null> = {
  lateness: (r) => r.lateDays,
  id: (r) => r.id,
  name: (r) => r.nameZh,
  kind: (r) => r.kind,
  status: (r) => r.status,
  planned_start: (r) => r.plannedStart,
  planned_finish: (r) => r.plannedFinish,
  sub_district: (r) => r.subDistrictCode,
}

/** The facility procedures of the analysis router (the 设施 tab of the workbench). */
export const facilityProcedures = {
  /** One sorted page of the selection's facilities, every matching id (for the map) and the count. */
  facilities: viewerProcedure
    .input(
      FacilitySelection.extend({
        ...sortedPageInput(FACILITY_SORTS, { sort: 'lateness', pageSize: 25, maxPageSize: 500 }),
        focusId: Id.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { rows, today } = await selectFacilities(ctx.db, ctx.now(), input)
      sortRowsBy(rows, SORT_KEY[input.sort], input.dir)
      const focusIndex = input.focusId ? rows.findIndex((r) => r.id === input.focusId) : -1
      const page = focusIndex >= 0 ? Math.floor(focusIndex / input.pageSize) + 1 : input.page
      return {
        today,
        total: rows.length,
        ids: rows.map((r) => r.id).sort(),
        page,
        pageSize: input.pageSize,
        rows: pageOf(rows, page, input.pageSize),
      }
    }),

  /** One facility for the detail drawer: its row, size, last editor and location. */
  facility: viewerProcedure.input(z.strictObject({ id: Id })).query(async ({ ctx, input }) => {
    const [programme, f, detail] = await Promise.all([
      requireProgramme(ctx.db),
      loadFacilityItem(ctx.db, input.id),
      facilityDetail(ctx.db, input.id),
    ])
    if (!f || !detail) throw new TRPCError({ code: 'NOT_FOUND', message: `No facility with id '${input.id}'` })
    return { ...toFacilityRow(f, zoneToday(ctx.now()), programme.deadline), ...detail }
  }),

  /** The whole facility selection as RFC 7946 GeoJSON points (with WKT), for export. */
  exportFacilities: viewerProcedure.input(FacilitySelection).query(async ({ ctx, input }) => {
    const { rows } = await selectFacilities(ctx.db, ctx.now(), input)
    return exportCollection<{ type: 'Point'; coordinates: [number, number] }, (typeof rows)[number]>(
      ctx.db,
      'facilities',
      rows,
    )
  }),
}
