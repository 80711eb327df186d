import type { Database } from '@onemap/db/database'
import { type EditOutcome, insertEvent, readEditable, writeStatus } from '@onemap/db/queries/edits'
import type { EventEntity, Role } from '@onemap/domain/statuses'
import { actualDatesAfter, checkTransition } from '@onemap/domain/transitions'
import { TRPCError } from '@trpc/server'
import { VersionConflict } from './conflict.ts'

/** The connection a transaction runs on. */
export type Client = Parameters<Parameters<Database['transaction']>[0]>[0]

export const ENTITY_LABEL = { road_segment: 'road segment', facility: 'facility' } as const

/** Turns a missed versioned write into NOT_FOUND or CONFLICT with the current version. */
export function unwrap<T>(outcome: EditOutcome<T>, entity: EventEntity, id: string): T {
  if (outcome.ok) return outcome.value
  if (outcome.reason === 'not_found') throw notFound(entity, id)
  const { current } = outcome
  throw new TRPCError({
    code: 'CONFLICT',
    message: `The ${ENTITY_LABEL[entity]} '${id}' was changed by ${current.updatedBy} (now version ${current.version}); reload and try again`,
    cause: new VersionConflict(current),
  })
}

export const notFound = (entity: EventEntity, id: string) =>
  new TRPCError({ code: 'NOT_FOUND', message: `No ${ENTITY_LABEL[entity]} with id '${id}'` })

/** A CHECK violation is the user's input (e.g. finish before start), not a server fault. */
export function asBadRequest(err: unknown): never {
  if ((err as { code?: string }).code === '23514') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The dates are out of order (a finish before its start)' })
  }
  throw err
}

export interface StatusChange {
  entity: EventEntity
  id: string
  expectedVersion: number
  to: string
  at: string
  note?: string | undefined
}

/**
 * One status change inside the caller's transaction: the version test, the transition rule, the new
 * actual dates, and the audit event. `item` is the row the caller read in the same transaction.
 */
export async function applyStatus(
  client: Client,
  user: { name: string; role: Role },
  change: StatusChange,
  item?: Awaited<ReturnType<typeof readEditable>>,
) {
  const current = item ?? (await readEditable(client, change.entity, change.id))
  if (!current) throw notFound(change.entity, change.id)
  // Stale already: say so before judging a transition from a status the editor never saw.
  if (current.version !== change.expectedVersion)
    unwrap({ ok: false, reason: 'conflict', current }, change.entity, change.id)
  const check = checkTransition({
    entity: change.entity,
    from: current.status,
    to: change.to,
    role: user.role,
    suspendedFrom: current.suspendedFrom,
    reason: change.note,
  })
  if (!check.ok)
    throw new TRPCError({
      code: check.code === 'not_allowed' ? 'FORBIDDEN' : 'BAD_REQUEST',
      message: `${change.id}: ${check.message}`,
    })
  const dates = actualDatesAfter(change.entity, change.to, change.at, current)
  const written = unwrap(await writeStatus(client, { ...change, ...dates, actor: user.name }), change.entity, change.id)
  const eventId = await insertEvent(client, {
    entity: change.entity,
    entityId: change.id,
    from: current.status,
    to: change.to,
    happenedOn: change.at,
    actor: user.name,
    kind: check.kind,
    note: change.note ?? null,
  })
  return {
    entity: change.entity,
    id: change.id,
    status: change.to,
    version: written.version,
    eventId,
    kind: check.kind,
  }
}
