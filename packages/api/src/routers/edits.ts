import { IsoDate } from '@onemap/domain/input-text'
import { insertEvent, readEditable, splitRoadSegment, writePlannedDates, writeStatus, type EditOutcome } from '@onemap/db/queries/edits'
import { itemHistory } from '@onemap/db/queries/events'
import { zoneToday } from '@onemap/domain/dates'
import { EventEntity } from '@onemap/domain/statuses'
import { actualDatesAfter, checkTransition } from '@onemap/domain/transitions'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { VersionConflict } from '../conflict.ts'
import { plannerProcedure, viewerProcedure } from '../procedures.ts'
import { router } from '../trpc.ts'

const Target = z.object({ entity: EventEntity, id: z.string().min(1).max(200), expectedVersion: z.number().int().positive() })
const Note = z.string().trim().max(2000).optional()

const LABEL = { road_segment: 'road segment', facility: 'facility' } as const

/** Turns a missed versioned write into NOT_FOUND or CONFLICT with the current version. */
function unwrap<T>(outcome: EditOutcome<T>, entity: EventEntity, id: string): T {
  if (outcome.ok) return outcome.value
  if (outcome.reason === 'not_found') throw new TRPCError({ code: 'NOT_FOUND', message: `No ${LABEL[entity]} with id '${id}'` })
  const { current } = outcome
  throw new TRPCError({
    code: 'CONFLICT',
    message: `The ${LABEL[entity]} '${id}' was changed by ${current.updatedBy} (now version ${current.version}); reload and try again`,
    cause: new VersionConflict(current),
  })
}

/** A CHECK violation is the user's input (e.g. finish before start), not a server fault. */
function asBadRequest(err: unknown): never {
  if ((err as { code?: string }).code === '23514') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The dates are out of order (a finish before its start)' })
  }
  throw err
}

export const editsRouter = router({
  /** Moves an item to a new status on date `at` (the event and the change commit together). */
  setStatus: plannerProcedure
    .input(Target.extend({ to: z.string().min(1).max(40), at: IsoDate, note: Note }))
    .mutation(async ({ ctx, input }) => {
      const today = zoneToday(ctx.now())
      if (input.at > today) throw new TRPCError({ code: 'BAD_REQUEST', message: `The date ${input.at} is in the future` })
      return ctx.db
        .transaction(async (client) => {
          const item = await readEditable(client, input.entity, input.id)
          if (!item) throw new TRPCError({ code: 'NOT_FOUND', message: `No ${LABEL[input.entity]} with id '${input.id}'` })
          // Stale already: say so before judging a transition from a status the editor never saw.
          if (item.version !== input.expectedVersion) unwrap({ ok: false, reason: 'conflict', current: item }, input.entity, input.id)
          const check = checkTransition({ entity: input.entity, from: item.status, to: input.to, role: ctx.user.role, suspendedFrom: item.suspendedFrom, reason: input.note })
          if (!check.ok) throw new TRPCError({ code: check.code === 'not_allowed' ? 'FORBIDDEN' : 'BAD_REQUEST', message: `${input.id}: ${check.message}` })
          const dates = actualDatesAfter(input.entity, input.to, input.at, item)
          const written = unwrap(await writeStatus(client, { ...input, ...dates, actor: ctx.user.name }), input.entity, input.id)
          const eventId = await insertEvent(client, {
            entity: input.entity,
            entityId: input.id,
            from: item.status,
            to: input.to,
            happenedOn: input.at,
            actor: ctx.user.name,
            kind: check.kind,
            note: input.note ?? null,
          })
          return { entity: input.entity, id: input.id, status: input.to, version: written.version, eventId, kind: check.kind }
        })
        .catch(asBadRequest)
    }),

  /** Sets the planned start and finish; recorded in the audit trail as an event that keeps the status. */
  updateDates: plannerProcedure
    .input(Target.extend({ plannedStart: IsoDate.nullable(), plannedFinish: IsoDate.nullable(), note: Note }))
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction(async (client) => {
          const item = await readEditable(client, input.entity, input.id)
          if (!item) throw new TRPCError({ code: 'NOT_FOUND', message: `No ${LABEL[input.entity]} with id '${input.id}'` })
          const written = unwrap(await writePlannedDates(client, { ...input, actor: ctx.user.name }), input.entity, input.id)
          const change = `planned ${item.plannedStart ?? '—'}…${item.plannedFinish ?? '—'} → ${input.plannedStart ?? '—'}…${input.plannedFinish ?? '—'}`
          await insertEvent(client, {
            entity: input.entity,
            entityId: input.id,
            from: item.status,
            to: item.status,
            happenedOn: zoneToday(ctx.now()),
            actor: ctx.user.name,
            kind: 'edit',
            note: input.note ? `${change}; ${input.note}` : change,
          })
          return { entity: input.entity, id: input.id, version: written.version }
        })
        .catch(asBadRequest),
    ),

  /** Splits a road segment at the point nearest (lon, lat); see splitRoadSegment for the history rule. */
  splitSegment: plannerProcedure
    .input(z.object({ id: z.string().min(1).max(200), expectedVersion: z.number().int().positive(), lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (client) => {
        const outcome = await splitRoadSegment(client, { ...input, actor: ctx.user.name, today: zoneToday(ctx.now()) })
        if (!outcome.ok && outcome.reason === 'too_far') {
          throw new TRPCError({ code: 'BAD_REQUEST', message: `The split point is ${Math.round(outcome.distanceM)} m from road segment '${input.id}'` })
        }
        if (!outcome.ok && outcome.reason === 'too_short') {
          throw new TRPCError({ code: 'BAD_REQUEST', message: `Splitting '${input.id}' there leaves a part of ${outcome.partM.toFixed(1)} m` })
        }
        return unwrap(outcome as EditOutcome<{ parts: [string, string]; fraction: number }>, 'road_segment', input.id)
      }),
    ),

  /** The full audit trail of one item, with actors and notes (signed-in accounts only). */
  history: viewerProcedure
    .input(z.object({ entity: EventEntity, id: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => itemHistory(ctx.db, input.entity, input.id, true)),
})
