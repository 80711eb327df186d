import type { Database } from '@onemap/db/database'
import { matchingIds, segmentDetail } from '@onemap/db/queries/analysis'
import { latestEventId } from '@onemap/db/queries/events'
import { loadRoadItem, type RoadItemRow } from '@onemap/db/queries/progress'
import { zoneToday } from '@onemap/domain/dates'
import { FeatureFilter, noNul } from '@onemap/domain/layer-filters'
import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import { SCHEDULE_STATES } from '@onemap/domain/schedule'
import { SEGMENT_SORT_KEY, SEGMENT_SORTS, SPARE_ROWS, tableTotals } from '@onemap/domain/segment-table'
import { TRPCError } from '@trpc/server'
import { exportCollection } from '../export-features.ts'
import { z } from 'zod'
import { viewerProcedure } from '../procedures.ts'
import { checkSelection } from '../selection.ts'
import { loadProgress, requireProgramme } from '../progress-data.ts'
import { segmentRow } from '../segment-row.ts'
import { pageOf, sortedPageInput, sortRowsBy } from '../sort-rows.ts'
import { router } from '../trpc.ts'
import { facilityProcedures } from './analysis-facilities.ts'

const SEGMENTS = findLayer('road_segments') as LayerDefinition
const Id = z.string().min(1).max(200).refine(noNul, 'must not contain NUL')

/** The planner's filter: the shared feature filter plus what only the analysis can compute. */
export const SegmentSelection = z.strictObject({
  filter: FeatureFilter.default({}),
  /** Schedule states to keep (overdue, at risk, …), computed as progress.summary computes them. */
  schedule: z.array(z.enum(SCHEDULE_STATES)).min(1).max(SCHEDULE_STATES.length).optional(),
  /** River management zone: segments within `distanceM` metres (ellipsoidal) of the river. */
  riverZone: z.strictObject({ riverId: Id, distanceM: z.number().positive().max(5000) }).optional(),
})
export type SegmentSelection = z.infer<typeof SegmentSelection>

/** A table row: the shared segment row plus what the planner's table also shows. */
function toRow(r: RoadItemRow, today: string, deadline: string) {
  return {
    ...segmentRow(r, today, deadline),
    suspendedFrom: r.suspendedFrom,
    inProgramme: r.inProgramme,
    actualStart: r.actualStart,
    actualFinish: r.actualFinish,
  }
}
export type SegmentRow = ReturnType<typeof toRow>

/** Every segment row of the selection, in id order. */
async function selectRows(
  db: Database,
  now: Date,
  s: SegmentSelection,
): Promise<{ rows: SegmentRow[]; today: string; deadline: string; asOfEvent: number }> {
  await checkSelection(db, SEGMENTS, s)
  const [{ programme, roads, today }, ids] = await Promise.all([
    loadProgress(db, now),
    matchingIds(db, 'road_segments', s.filter, s.riverZone),
  ])
  // Read after the rows: every change up to it is in them, and a live change after it is not (a workbench
  // patches its page with those only, see patchSegmentTable).
  const asOfEvent = await latestEventId(db)
  const wanted = new Set(ids)
  const states = s.schedule ? new Set<string>(s.schedule) : null
  const rows = roads
    .filter((r) => wanted.has(r.id))
    .map((r) => toRow(r, today, programme.deadline))
    .filter((r) => !states || states.has(r.state))
  return { rows, today, deadline: programme.deadline, asOfEvent }
}

export const analysisRouter = router({
  /**
   * The planner's table: one sorted page of the selection's segments and the few rows after it, every
   * matching id (for the map), and totals (count, metres, share completed by length). With `focusId` the page is the
   * one holding that segment, so a click on the map can show its row.
   */
  segments: viewerProcedure
    .input(
      SegmentSelection.extend({
        ...sortedPageInput(SEGMENT_SORTS, { sort: 'lateness', pageSize: 25, maxPageSize: 500 }),
        focusId: Id.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { rows, today, deadline, asOfEvent } = await selectRows(ctx.db, ctx.now(), input)
      sortRowsBy(rows, SEGMENT_SORT_KEY[input.sort], input.dir)
      const lengthM = rows.reduce((sum, r) => sum + r.lengthM, 0)
      const completedM = rows.filter((r) => r.status === 'completed').reduce((sum, r) => sum + r.lengthM, 0)
      const focusIndex = input.focusId ? rows.findIndex((r) => r.id === input.focusId) : -1
      const page = focusIndex >= 0 ? Math.floor(focusIndex / input.pageSize) + 1 : input.page
      return {
        today,
        deadline,
        asOfEvent,
        totals: tableTotals(rows.length, lengthM, completedM),
        ids: rows.map((r) => r.id).sort(),
        page,
        pageSize: input.pageSize,
        rows: pageOf(rows, page, input.pageSize),
        after: rows.slice(page * input.pageSize, page * input.pageSize + SPARE_ROWS),
      }
    }),

  /** One segment for the detail drawer: its row, red-line width, last editor and geometry. */
  segment: viewerProcedure.input(z.strictObject({ id: Id })).query(async ({ ctx, input }) => {
    const [programme, road, detail] = await Promise.all([
      requireProgramme(ctx.db),
      loadRoadItem(ctx.db, input.id),
      segmentDetail(ctx.db, input.id),
    ])
    if (!road || !detail) throw new TRPCError({ code: 'NOT_FOUND', message: `No road segment with id '${input.id}'` })
    const { geometry, ...rest } = detail
    return {
      ...toRow(road, zoneToday(ctx.now()), programme.deadline),
      ...rest,
      geometry: JSON.parse(geometry) as { type: 'LineString'; coordinates: [number, number][] },
    }
  }),

  /**
   * The whole selection as RFC 7946 GeoJSON features (planner fields, EPSG:4490 degrees), in id
   * order, each with its geometry as WKT too, for export.
   */
  export: viewerProcedure.input(SegmentSelection).query(async ({ ctx, input }) => {
    const { rows } = await selectRows(ctx.db, ctx.now(), input)
    return exportCollection<{ type: 'LineString'; coordinates: [number, number][] }, (typeof rows)[number]>(
      ctx.db,
      'road_segments',
      rows,
    )
  }),

  ...facilityProcedures,
})
