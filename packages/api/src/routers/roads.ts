import { z } from 'zod'
import { loadProgress } from '../progress-data.ts'
import { segmentRow } from '../segment-row.ts'
import { pageOf, sortedPageInput, sortRowsBy } from '../sort-rows.ts'
import { publicProcedure, router } from '../trpc.ts'

/**
 * Sort keys of roads.unbuilt: a fixed list, each mapped to a comparator below. `overdue_days` is kept
 * for old callers and sorts by the one lateness measure too (docs/lateness.md).
 */
export const UNBUILT_SORTS = [
  'lateness',
  'overdue_days',
  'length',
  'planned_start',
  'latest_start',
  'sub_district',
  'name',
] as const

export const roadsRouter = router({
  /**
   * Programme segments not yet completed, with length (m), sub-district, planned dates, lateness
   * (docs/lateness.md; `overdueDays` is kept for old callers) and 倒排工期 latest start; sorted and paged. Ties break on id so pages never overlap.
   */
  unbuilt: publicProcedure
    .input(z.object(sortedPageInput(UNBUILT_SORTS, { sort: 'lateness', pageSize: 50, maxPageSize: 200 })))
    .query(async ({ ctx, input }) => {
      const { programme, roads, today } = await loadProgress(ctx.db, ctx.now())
      const rows = roads
        .filter((r) => r.inProgramme && r.status !== 'completed')
        .map((r) => segmentRow(r, today, programme.deadline))
      type Row = (typeof rows)[number]
      const key: Record<(typeof UNBUILT_SORTS)[number], (r: Row) => string | number | null> = {
        lateness: (r) => r.lateDays,
        overdue_days: (r) => r.lateDays,
        length: (r) => r.lengthM,
        planned_start: (r) => r.plannedStart,
        latest_start: (r) => r.latestStart,
        sub_district: (r) => r.subDistrictCode,
        name: (r) => r.nameZh,
      }
      sortRowsBy(rows, key[input.sort], input.dir)
      return {
        total: rows.length,
        page: input.page,
        pageSize: input.pageSize,
        today,
        rows: pageOf(rows, input.page, input.pageSize),
      }
    }),
})
