import { IsoDate } from '@onemap/domain/input-text'
import type { StatusChange } from '@onemap/domain/change-event'
import { changesSince, type FullEvent } from '@onemap/db/queries/events'
import { loadReplayEvents, statusesOn } from '@onemap/db/queries/progress'
import { facilityGoal, itemKey, roadGoal, type ReplayedState } from '@onemap/domain/progress'
import { goalTimeline } from '@onemap/domain/timeline'
import { stateOn } from '@onemap/domain/unlogged-status'
import { z } from 'zod'
import { facilityFacts, loadProgress, roadFacts } from '../progress-data.ts'
import { progressSummary } from '../progress-summary.ts'
import { namedChanges } from '../weekly.ts'
import { publicProcedure, router } from '../trpc.ts'

export const progressRouter = router({
  /** Both goals now: totals, schedule states, per sub-district and renewal unit, days to the deadline. */
  summary: publicProcedure.query(async ({ ctx }) => (await progressSummary(ctx.db, ctx.now())).summary),

  /**
   * The state of every current item at the end of `date`, rebuilt from the event log (an item the
   * log is silent about on that date from its actual dates, see statusBeforeLog), and both goals then.
   */
  asOf: publicProcedure.input(z.object({ date: IsoDate })).query(async ({ ctx, input }) => {
    const { roads, facilities } = await loadProgress(ctx.db, ctx.now())
    const states = await statusesOn(ctx.db, input.date)
    const replayed = new Map<string, ReplayedState>()
    const before = new Map<string, string>()
    for (const s of states) {
      const key = itemKey(s.entity, s.id)
      if (s.eventId !== null) replayed.set(key, { status: s.status, suspendedFrom: s.suspendedFrom })
      if (s.statusBeforeLog !== null) before.set(key, s.statusBeforeLog)
    }
    const roadsThen = roads.map((r) => ({ ...r, ...stateOn('road_segment', r, replayed, before, input.date) }))
    // A facility suspended on that date counts as started only if it was suspended after starting.
    const facilitiesThen = facilities.map((f) => ({ ...f, ...stateOn('facility', f, replayed, before, input.date) }))
    return {
      date: input.date,
      items: [
        ...facilitiesThen.map((f) => ({ entity: 'facility' as const, id: f.id, status: f.status })),
        ...roadsThen.map((r) => ({ entity: 'road_segment' as const, id: r.id, status: r.status })),
      ],
      roads: roadGoal(roadsThen),
      facilities: facilityGoal(facilitiesThen),
    }
  }),

  /** Both goals at every month end from the programme start to today (the current month ends today). */
  timeline: publicProcedure.query(async ({ ctx }) => {
    const { programme, roads, facilities, today } = await loadProgress(ctx.db, ctx.now())
    const events = await loadReplayEvents(ctx.db)
    return {
      windowStart: programme.windowStart,
      deadline: programme.deadline,
      points: goalTimeline(roads, facilities, events, programme.windowStart, today),
    }
  }),

  /**
   * Changes that happened on site from `since` (e.g. the last weekly meeting) to `until`, newest
   * first, with the item's name and sub-district; seed and import rows only with `includeLoaded`, a
   * split as its one event. Actor and note for signed-in users.
   */
  changesSince: publicProcedure
    .input(
      z.object({
        since: IsoDate,
        until: IsoDate.optional(),
        includeLoaded: z.boolean().default(false),
        limit: z.number().int().min(1).max(1000).default(200),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows: (StatusChange | FullEvent)[] = await changesSince(ctx.db, input.since, {
        includePrivate: ctx.user !== null,
        ...input,
      })
      const { roads, facilities } = await loadProgress(ctx.db, ctx.now())
      return namedChanges(rows, roads, facilities)
    }),

  /** Every programme item with its schedule state, lateness (docs/lateness.md) and 倒排工期 latest start. */
  items: publicProcedure.query(async ({ ctx }) => {
    const { programme, roads, facilities, today } = await loadProgress(ctx.db, ctx.now())
    return [
      ...roads
        .filter((r) => r.inProgramme)
        .map((r) => ({
          entity: 'road_segment' as const,
          id: r.id,
          nameZh: r.nameZh,
          nameEn: r.nameEn,
          category: r.roadClass,
          status: r.status,
          version: r.version,
          plannedStart: r.plannedStart,
          plannedFinish: r.plannedFinish,
          ...roadFacts(r, today, programme.deadline),
        })),
      ...facilities
        .filter((f) => f.inProgramme)
        .map((f) => ({
          entity: 'facility' as const,
          id: f.id,
          nameZh: f.nameZh,
          nameEn: f.nameEn,
          category: f.kind,
          status: f.status,
          version: f.version,
          plannedStart: f.plannedStart,
          plannedFinish: f.plannedFinish,
          ...facilityFacts(f, today, programme.deadline),
        })),
    ]
  }),
})
