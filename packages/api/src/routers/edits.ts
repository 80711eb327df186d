import { IsoDate } from '@onemap/domain/input-text'
import {
  insertEvent,
  readEditable,
  splitRoadSegment,
  writeRevisedPlan,
  type EditOutcome,
} from '@onemap/db/queries/edits'
import { itemHistory } from '@onemap/db/queries/events'
import { zoneToday } from '@onemap/domain/dates'
import { noNul } from '@onemap/domain/layer-filters'
import { EventEntity } from '@onemap/domain/statuses'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { VersionConflict } from '../conflict.ts'
import { applyStatus, asBadRequest, notFound, unwrap } from '../edit-steps.ts'
import { plannerProcedure, viewerProcedure } from '../procedures.ts'
import { router } from '../trpc.ts'
import { undoLastEdit } from '../undo.ts'

const Id = z.string().min(1).max(200).refine(noNul, 'must not contain NUL')
const Target = z.object({ entity: EventEntity, id: Id, expectedVersion: z.number().int().positive() })
const Note = z.string().trim().max(2000).refine(noNul, 'must not contain NUL').optional()
const StatusTo = z.string().min(1).max(40)

/** Refuses a site date after today in the zone. */
function notFuture(at: string, now: Date) {
  if (at > zoneToday(now)) throw new TRPCError({ code: 'BAD_REQUEST', message: `The date ${at} is in the future` })
}

export const editsRouter = router({
  /** Moves an item to a new status on date `at` (the event and the change commit together). */
  setStatus: plannerProcedure
    .input(Target.extend({ to: StatusTo, at: IsoDate, note: Note }))
    .mutation(async ({ ctx, input }) => {
      notFuture(input.at, ctx.now())
      return ctx.db.transaction((client) => applyStatus(client, ctx.user, input)).catch(asBadRequest)
    }),

  /**
   * The same status change for several items that share one current status: one event each, all or
   * nothing. Every stale item is named in one CONFLICT answer and none is changed.
   */
  setStatusMany: plannerProcedure
    .input(z.object({ items: z.array(Target).min(1).max(200), to: StatusTo, at: IsoDate, note: Note }))
    .mutation(async ({ ctx, input }) => {
      notFuture(input.at, ctx.now())
      const keys = input.items.map((i) => `${i.entity}:${i.id}`)
      if (new Set(keys).size !== keys.length)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'An item is listed twice' })
      return ctx.db
        .transaction(async (client) => {
          // One connection runs one query at a time: read in turn, not in parallel.
          const read = []
          for (const t of input.items) read.push({ t, item: await readEditable(client, t.entity, t.id) })
          const missing = read.find((r) => r.item === null)
          if (missing) throw notFound(missing.t.entity, missing.t.id)
          const stale = read.filter((r) => r.item!.version !== r.t.expectedVersion)
          if (stale.length > 0) {
            const first = stale[0]!.item!
            throw new TRPCError({
              code: 'CONFLICT',
              message: `Nothing was changed: ${stale.map((r) => `'${r.t.id}' (changed by ${r.item!.updatedBy}, now version ${r.item!.version})`).join(', ')} changed since you loaded them; reload and try again`,
              cause: new VersionConflict(first),
            })
          }
          const statuses = new Set(read.map((r) => `${r.t.entity}:${r.item!.status}`))
          if (statuses.size > 1)
            throw new TRPCError({
              code: 'BAD_REQUEST',
              message: 'A bulk edit needs items of one kind with the same current status',
            })
          const done = []
          for (const { t, item } of read)
            done.push(await applyStatus(client, ctx.user, { ...t, to: input.to, at: input.at, note: input.note }, item))
          return done
        })
        .catch(asBadRequest)
    }),

  /**
   * Records a revised plan (调整计划) with its reason. The 2020 baseline dates are never changed; the
   * revision is audited as an event that keeps the status.
   */
  revisePlan: plannerProcedure
    .input(
      Target.extend({
        revisedStart: IsoDate.nullable(),
        revisedFinish: IsoDate.nullable(),
        reason: z
          .string()
          .trim()
          .min(3, 'a revised plan needs a reason')
          .max(2000)
          .refine(noNul, 'must not contain NUL'),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction(async (client) => {
          const item = await readEditable(client, input.entity, input.id)
          if (!item) throw notFound(input.entity, input.id)
          const written = unwrap(
            await writeRevisedPlan(client, { ...input, actor: ctx.user.name }),
            input.entity,
            input.id,
          )
          const change = `revised plan ${item.revisedStart ?? '—'}…${item.revisedFinish ?? '—'} → ${input.revisedStart ?? '—'}…${input.revisedFinish ?? '—'}`
          const eventId = await insertEvent(client, {
            entity: input.entity,
            entityId: input.id,
            from: item.status,
            to: item.status,
            happenedOn: zoneToday(ctx.now()),
            actor: ctx.user.name,
            kind: 'edit',
            note: `${change}: ${input.reason}`,
          })
          return { entity: input.entity, id: input.id, version: written.version, eventId }
        })
        .catch(asBadRequest),
    ),

  /** Undoes the caller's own last status change of the item within 10 minutes (see undoLastEdit). */
  undo: plannerProcedure
    .input(Target)
    .mutation(({ ctx, input }) => ctx.db.transaction((client) => undoLastEdit(client, ctx.user.name, input))),

  /** Splits a road segment at the point nearest (lon, lat); see splitRoadSegment for the history rule. */
  splitSegment: plannerProcedure
    .input(
      z.object({
        id: Id,
        expectedVersion: z.number().int().positive(),
        lon: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (client) => {
        const outcome = await splitRoadSegment(client, { ...input, actor: ctx.user.name, today: zoneToday(ctx.now()) })
        if (!outcome.ok && outcome.reason === 'too_far') {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `The split point is ${Math.round(outcome.distanceM)} m from road segment '${input.id}'`,
          })
        }
        if (!outcome.ok && outcome.reason === 'too_short') {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Splitting '${input.id}' there leaves a part of ${outcome.partM.toFixed(1)} m`,
          })
        }
        return unwrap(
          outcome as EditOutcome<{ parts: [string, string]; fraction: number; eventIds: number[] }>,
          'road_segment',
          input.id,
        )
      }),
    ),

  /** The full audit trail of one item, with actors and notes (signed-in accounts only). */
  history: viewerProcedure
    .input(z.object({ entity: EventEntity, id: Id }))
    .query(({ ctx, input }) => itemHistory(ctx.db, input.entity, input.id, true)),
})
