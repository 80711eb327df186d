import { on } from 'node:events'
import { writeIndicatorValue, writeMilestone, type WriteOutcome } from '@onemap/db/queries/indicator-writes'
import { indicatorHistory, indicatorValues, listIndicators, listMilestones } from '@onemap/db/queries/indicators'
import { zoneToday } from '@onemap/domain/dates'
import { isPeriodOf } from '@onemap/domain/indicator-periods'
import { findIndicator } from '@onemap/domain/indicator-registry'
import { assessIndicator, IndicatorId, milestoneStatus } from '@onemap/domain/indicators'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { VersionConflict } from '../conflict.ts'
import { indicatorHubFor, type IndicatorChange } from '../indicator-hub.ts'
import { plannerProcedure, viewerProcedure } from '../procedures.ts'
import { publicProcedure, router } from '../trpc.ts'

const Note = z.string().trim().max(2000).optional()
const Version = z.number().int().min(0)

/** Turns a missed versioned write into NOT_FOUND or CONFLICT naming who holds the current version. */
function unwrap<T>(outcome: WriteOutcome<T>, what: string): T {
  if (outcome.ok) return outcome.value
  if (outcome.reason === 'not_found') throw new TRPCError({ code: 'NOT_FOUND', message: `No ${what}` })
  const { current } = outcome
  throw new TRPCError({
    code: 'CONFLICT',
    message: `The ${what} was changed by ${current.updatedBy} (now version ${current.version}); reload and try again`,
    cause: new VersionConflict(current),
  })
}

/** Every indicator with its values and status, and every milestone (public fields only). */
async function overview(db: Parameters<typeof listIndicators>[0], today: string) {
  const [indicators, milestones] = await Promise.all([listIndicators(db), listMilestones(db)])
  return {
    today,
    indicators: indicators.map((ind) => {
      const a = assessIndicator(ind, ind.values)
      const latest = a.latest ? ind.values.find((v) => v.period === a.latest?.period) : undefined
      return { ...ind, ...a, asOf: a.latest?.period ?? null, latestIsSample: latest?.isSample ?? false }
    }),
    milestones: milestones.map((m) => ({ ...m, status: milestoneStatus(m.dueOn, m.doneOn, today) })),
  }
}

export const indicatorsRouter = router({
  /** The registry with values per period, status, target and as-of period; milestones. Public. */
  overview: publicProcedure.query(({ ctx }) => overview(ctx.db, zoneToday(ctx.now()))),

  /** One indicator's values with who entered each and when (signed-in accounts). */
  values: viewerProcedure.input(z.object({ id: IndicatorId })).query(async ({ ctx, input }) => {
    const rows = await indicatorValues(ctx.db, input.id)
    if (!rows) throw new TRPCError({ code: 'NOT_FOUND', message: `No indicator with id '${input.id}'` })
    return rows
  }),

  /** The audit trail of an indicator's values or a milestone, newest first (signed-in accounts). */
  history: viewerProcedure
    .input(z.object({ subject: z.enum(['indicator', 'milestone']), id: IndicatorId }))
    .query(({ ctx, input }) => indicatorHistory(ctx.db, input.subject, input.id)),

  /**
   * Enters (expectedVersion 0) or corrects a value for one period; the value, its audit row and the
   * live notification commit together.
   */
  setValue: plannerProcedure
    .input(
      z.object({
        id: IndicatorId,
        period: z.string().trim().min(4).max(10),
        value: z.number().finite(),
        expectedVersion: Version,
        note: Note,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const ind = findIndicator(input.id)
      if (!ind) throw new TRPCError({ code: 'NOT_FOUND', message: `No indicator with id '${input.id}'` })
      if (!isPeriodOf(input.period, ind.cadence)) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `'${input.period}' is not in the ${ind.cadence} cadence of '${input.id}' (e.g. ${ind.cadence === 'annual' ? '2020' : ind.cadence === 'quarterly' ? '2020-Q3' : '2020-08'})`,
        })
      }
      if (input.value < 0 && !ind.allowNegative) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `'${input.id}' cannot be negative (${input.value} ${ind.unit})`,
        })
      }
      const written = await ctx.db.transaction(async (client) =>
        unwrap(
          await writeIndicatorValue(client, {
            indicatorId: input.id,
            period: input.period,
            value: input.value,
            expectedVersion: input.expectedVersion,
            actor: ctx.user.name,
            kind: input.expectedVersion === 0 ? 'edit' : 'correction',
            note: input.note ?? null,
          }),
          `value of '${input.id}' for ${input.period}`,
        ),
      )
      return { id: input.id, period: input.period, value: input.value, ...written }
    }),

  /** Marks a milestone done on a date with evidence, or reopens it (doneOn null). */
  setMilestone: plannerProcedure
    .input(
      z.object({
        id: IndicatorId,
        expectedVersion: Version,
        doneOn: z.iso.date().nullable(),
        evidence: z.string().trim().min(2).max(2000).nullable(),
        note: Note,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if ((input.doneOn === null) !== (input.evidence === null)) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Milestone '${input.id}': a done date needs evidence, and reopening takes none`,
        })
      }
      if (input.doneOn && input.doneOn > zoneToday(ctx.now())) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `The date ${input.doneOn} is in the future` })
      }
      return ctx.db.transaction(async (client) =>
        unwrap(
          await writeMilestone(client, { ...input, actor: ctx.user.name, kind: 'edit', note: input.note ?? null }),
          `milestone '${input.id}'`,
        ),
      )
    }),

  /**
   * Indicator changes as they commit (public: subject, id, period and new value only); subjectId '*'
   * means the server's listening connection was re-established: re-read the overview.
   */
  live: publicProcedure.subscription(async function* ({ ctx, signal }) {
    const hub = indicatorHubFor(ctx.db)
    await hub.ready()
    try {
      for await (const [change] of on(hub, 'change', { signal })) yield change as IndicatorChange
    } catch (err) {
      // The client went away: the iterator ends by aborting, which is not an error.
      if ((err as { name?: string }).name !== 'AbortError') throw err
    }
  }),
})
