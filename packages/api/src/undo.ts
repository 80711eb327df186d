import { insertEvent, lastEventOf, readEditable, writeStatus } from '@onemap/db/queries/edits'
import type { EventEntity } from '@onemap/domain/statuses'
import { actualDatesAfter, SUSPENDED } from '@onemap/domain/transitions'
import { TRPCError } from '@trpc/server'
import { type Client, notFound, unwrap } from './edit-steps.ts'

/** How long a planner may undo their own last status change, in seconds. */
export const UNDO_WINDOW_S = 10 * 60

/**
 * Reverses the item's newest event when it is the caller's own status change of the last ten
 * minutes: a new compensating event (kind 'correction', naming the undone event in `undoes`, same
 * site date so replays cancel the pair on every date) moves the item back. Nothing is deleted.
 */
export async function undoLastEdit(
  client: Client,
  actor: string,
  target: { entity: EventEntity; id: string; expectedVersion: number },
) {
  const item = await readEditable(client, target.entity, target.id)
  if (!item) throw notFound(target.entity, target.id)
  if (item.version !== target.expectedVersion)
    unwrap({ ok: false, reason: 'conflict', current: item }, target.entity, target.id)
  const last = await lastEventOf(client, target.entity, target.id)
  const refuse = (why: string) =>
    new TRPCError({ code: 'PRECONDITION_FAILED', message: `Nothing to undo on '${target.id}': ${why}` })
  if (!last || last.from === null || last.from === last.to || (last.kind !== 'edit' && last.kind !== 'correction'))
    throw refuse('its last change is not a status edit')
  if (last.actor !== actor) throw refuse(`its last change was made by ${last.actor}`)
  if (last.undoes !== null) throw refuse('its last change is already an undo')
  if (last.ageS > UNDO_WINDOW_S) throw refuse('the last change is more than 10 minutes old')
  const back = last.from
  // The dates the earlier state had: a state before a suspension decides whether it had started.
  const basis = back === SUSPENDED ? (last.suspendedFromBefore ?? 'planned') : back
  const dates = actualDatesAfter(target.entity, basis, last.happenedOn, item)
  const written = unwrap(await writeStatus(client, { ...target, to: back, ...dates, actor }), target.entity, target.id)
  const eventId = await insertEvent(client, {
    entity: target.entity,
    entityId: target.id,
    from: last.to,
    to: back,
    happenedOn: last.happenedOn,
    actor,
    kind: 'correction',
    note: `undo of event ${last.id}`,
    undoes: last.id,
  })
  return { entity: target.entity, id: target.id, status: back, version: written.version, eventId, undid: last.id }
}
