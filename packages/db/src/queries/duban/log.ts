import type { DubanAction, DubanEntity } from '@onemap/domain/duban'
import type pg from 'pg'
import type { Database } from '../../database.ts'

/** One row of the 督办 audit trail as it is written. */
export interface DubanLogEntry {
  action: DubanAction
  orderId: number | null
  unitId: string | null
  entity: DubanEntity | null
  entityId: string | null
  from: string | null
  to: string | null
  actor: string
  note: string | null
}

export interface DubanLogRow extends DubanLogEntry {
  id: number
  recordedAt: string
}

/** Appends one row; must run in the transaction of the change it records (the NOTIFY fires on COMMIT). */
export async function insertDubanLog(client: pg.PoolClient, e: DubanLogEntry): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO duban_log (action, order_id, unit_id, entity, entity_id, from_state, to_state, actor, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::int AS id`,
    [e.action, e.orderId, e.unitId, e.entity, e.entityId, e.from, e.to, e.actor, e.note],
  )
  return rows[0]!.id
}

const LOG_COLUMNS = `id::int AS id, action, order_id::int AS "orderId", unit_id AS "unitId", entity, entity_id AS "entityId",
  from_state AS "from", to_state AS "to", actor, note,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`

/** The log of one order, oldest first. */
export async function orderLog(db: Database, orderId: number): Promise<DubanLogRow[]> {
  const { rows } = await db.query<DubanLogRow>(`SELECT ${LOG_COLUMNS} FROM duban_log WHERE order_id = $1 ORDER BY id`, [
    orderId,
  ])
  return rows
}

/** The log of one item (responsibility and attachment edits, orders on it), oldest first. */
export async function itemLog(db: Database, entity: DubanEntity, entityId: string): Promise<DubanLogRow[]> {
  const { rows } = await db.query<DubanLogRow>(
    `SELECT ${LOG_COLUMNS} FROM duban_log
      WHERE (entity = $1 AND entity_id = $2)
         OR order_id IN (SELECT order_id FROM order_items WHERE entity = $1 AND entity_id = $2)
      ORDER BY id`,
    [entity, entityId],
  )
  return rows
}

/** Rows after `afterId`, oldest first, at most `limit`; only `unitId`'s when given (live catch-up). */
export async function dubanLogAfter(
  db: Database,
  afterId: number,
  limit: number,
  unitId: string | null,
): Promise<DubanLogRow[]> {
  const { rows } = await db.query<DubanLogRow>(
    `SELECT ${LOG_COLUMNS} FROM duban_log WHERE id > $1 AND ($3::text IS NULL OR unit_id = $3) ORDER BY id LIMIT $2`,
    [afterId, limit, unitId],
  )
  return rows
}

/** The newest log id, 0 when empty. */
export async function latestDubanLogId(db: Database): Promise<number> {
  const { rows } = await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM duban_log')
  return rows[0]?.id ?? 0
}
