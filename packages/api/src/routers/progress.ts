import { IsoDate } from '@onemap/domain/input-text'
import { changesSince, type FullEvent, type PublicEvent } from '@onemap/db/queries/events'
import { lastChangeAt, loadReplayEvents, statusesOn } from '@onemap/db/queries/progress'
import { daysBetween } from '@onemap/domain/dates'
import { facilityGoal, itemKey, roadGoal, type ReplayedState } from '@onemap/domain/progress'
import { goalTimeline } from '@onemap/domain/timeline'
import { stateOn } from '@onemap/domain/unlogged-status'
import { z } from 'zod'
import { emptyStates, facilitySchedule, loadProgress, roadSchedule, scheduleFacts } from '../progress-data.ts'
import { publicProcedure, router } from '../trpc.ts'


interface Placed {
  subDistrictCode: string | null
  subDistrictName: string | null
  renewalUnitId: string | null
  renewalUnitName: string | null
}
type PlaceKey = (x: Placed) => [string | null, string | null]

/** Groups items by a place key, keeping the place's display name. */
function groupBy<T extends Placed>(items: T[], key: PlaceKey) {
  const groups = new Map<string | null, { name: string | null; items: T[] }>()
  for (const item of items) {
    const [k, name] = key(item)
    const g = groups.get(k) ?? { name, items: [] }
    g.items.push(item)
    groups.set(k, g)
  }
  return groups
}

export const progressRouter = router({
  /** Both goals now: totals, schedule states, per sub-district and renewal unit, days to the deadline. */
  summary: publicProcedure.query(async ({ ctx }) => {
    const { programme, roads, facilities, today } = await loadProgress(ctx.db, ctx.now())
    const roadStates = emptyStates()
    for (const r of roads) if (r.inProgramme) roadStates[scheduleFacts(roadSchedule(r), today, programme.deadline).state] += 1
    const facilityStates = emptyStates()
    for (const f of facilities) if (f.inProgramme) facilityStates[scheduleFacts(facilitySchedule(f), today, programme.deadline).state] += 1
    const places = (keyOf: PlaceKey) => {
      const roadGroups = groupBy(roads, keyOf)
      const facilityGroups = groupBy(facilities, keyOf)
      const keys = new Set([...roadGroups.keys(), ...facilityGroups.keys()])
      return [...keys].map((key) => {
        const { byKind: _byKind, ...f } = facilityGoal(facilityGroups.get(key)?.items ?? [])
        return {
          key,
          name: roadGroups.get(key)?.name ?? facilityGroups.get(key)?.name ?? null,
          roads: roadGoal(roadGroups.get(key)?.items ?? []),
          facilities: f,
        }
      })
    }
    const bySubDistrict = places((x) => [x.subDistrictCode, x.subDistrictName]).map(({ key, ...rest }) => ({ code: key, ...rest }))
    const byRenewalUnit = places((x) => [x.renewalUnitId, x.renewalUnitName]).map(({ key, ...rest }) => ({ id: key, ...rest }))
    return {
      asOf: ctx.now().toISOString(),
      dataChangedAt: await lastChangeAt(ctx.db),
      today,
      programme: { ...programme, daysToDeadline: daysBetween(today, programme.deadline) },
      roads: { ...roadGoal(roads), states: roadStates },
      facilities: { ...facilityGoal(facilities), states: facilityStates },
      bySubDistrict,
      byRenewalUnit,
    }
  }),

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

  /** Changes entered since `since` (e.g. the last weekly meeting), newest first; actor and note for signed-in users. */
  changesSince: publicProcedure
    .input(z.object({ since: IsoDate, limit: z.number().int().min(1).max(1000).default(200) }))
    .query(async ({ ctx, input }): Promise<(PublicEvent | FullEvent)[]> =>
      changesSince(ctx.db, input.since, { includePrivate: ctx.user !== null, limit: input.limit }),
    ),

  /** Every programme item with its schedule state, days overdue and 倒排工期 latest start. */
  items: publicProcedure.query(async ({ ctx }) => {
    const { programme, roads, facilities, today } = await loadProgress(ctx.db, ctx.now())
    return [
      ...roads.filter((r) => r.inProgramme).map((r) => ({ entity: 'road_segment' as const, id: r.id, nameZh: r.nameZh, nameEn: r.nameEn, category: r.roadClass, status: r.status, version: r.version, plannedStart: r.plannedStart, plannedFinish: r.plannedFinish, ...scheduleFacts(roadSchedule(r), today, programme.deadline) })),
      ...facilities.filter((f) => f.inProgramme).map((f) => ({ entity: 'facility' as const, id: f.id, nameZh: f.nameZh, nameEn: f.nameEn, category: f.kind, status: f.status, version: f.version, plannedStart: f.plannedStart, plannedFinish: f.plannedFinish, ...scheduleFacts(facilitySchedule(f), today, programme.deadline) })),
    ]
  }),
})
