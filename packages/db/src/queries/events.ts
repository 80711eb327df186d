import type { EventEntity, EventKind } from '@onemap/domain/statuses'
import type { Database } from '../database.ts'

/** One audit-trail row with only the fields the public may see (no actor, no note). */
export interface PublicEvent {
  id: number
  entity: EventEntity
  entityId: string
  from: string | null
  to: string
  happenedOn: string
  /** ISO timestamp the change was entered. */
  recordedAt: string
  kind: EventKind
}

/** A row with the planner-only fields added. */
export interface FullEvent extends PublicEvent {
  actor: string
  note: string | null
}

const PUBLIC_COLUMNS = `id::int AS id, entity, entity_id AS "entityId", from_status AS "from", to_status AS "to",
  happened_on::text AS "happenedOn", to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt", kind`

/** Events with id greater than `afterId`, oldest first, at most `limit` (live catch-up after a reconnect). */
export async function eventsAfter(db: Database, afterId: number, limit: number): Promise<PublicEvent[]> {
  const { rows } = await db.query<PublicEvent>(
    `SELECT ${PUBLIC_COLUMNS} FROM status_events WHERE id > $1 ORDER BY id LIMIT $2`,
    [afterId, limit],
  )
  return rows
}

/** How many events follow `afterId`, counting no further than `cap` (a huge backlog costs `cap` index rows). */
export async function countEventsAfter(db: Database, afterId: number, cap: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM (SELECT 1 FROM status_events WHERE id > $1 ORDER BY id LIMIT $2) AS s',
    [afterId, cap],
  )
  return rows[0]?.n ?? 0
}

/** The newest event id, 0 when the log is empty. */
export async function latestEventId(db: Database): Promise<number> {
  const { rows } = await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM status_events')
  return rows[0]?.id ?? 0
}

/**
 * Changes entered from midnight of `since` (ISO date, in the database session's time zone), newest
 * first; actor and note only when asked for.
 */
export async function changesSince(
  db: Database,
  since: string,
  options: { includePrivate: boolean; limit: number },
): Promise<(PublicEvent | FullEvent)[]> {
  const columns = options.includePrivate ? `${PUBLIC_COLUMNS}, actor, note` : PUBLIC_COLUMNS
  const { rows } = await db.query<PublicEvent | FullEvent>(
    `SELECT ${columns} FROM status_events WHERE recorded_at >= $1::date ORDER BY id DESC LIMIT $2`,
    [since, options.limit],
  )
  return rows
}

/** The history of one item, oldest first, with planner-only fields when asked for. */
export async function itemHistory(
  db: Database,
  entity: EventEntity,
  id: string,
  includePrivate: boolean,
): Promise<(PublicEvent | FullEvent)[]> {
  const columns = includePrivate ? `${PUBLIC_COLUMNS}, actor, note` : PUBLIC_COLUMNS
  const { rows } = await db.query<PublicEvent | FullEvent>(
    `SELECT ${columns} FROM status_events WHERE entity = $1 AND entity_id = $2 ORDER BY happened_on, id`,
    [entity, id],
  )
  return rows
}
