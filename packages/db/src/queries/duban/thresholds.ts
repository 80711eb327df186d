import type { CardThresholds } from '@onemap/domain/cards'
import type pg from 'pg'
import type { Queryable } from './queryable.ts'

/** The card thresholds in force (migration 005 writes the defaults). */
export async function readThresholds(db: Queryable): Promise<CardThresholds> {
  const { rows } = await db.query<CardThresholds>(
    `SELECT yellow_days AS "yellowDays", red_days AS "redDays", due_soon_days AS "dueSoonDays" FROM card_thresholds`,
  )
  return rows[0]!
}

/** Replaces the thresholds, in the caller's transaction. */
export async function writeThresholds(client: pg.PoolClient, t: CardThresholds, actor: string): Promise<void> {
  await client.query(
    `UPDATE card_thresholds SET yellow_days = $1, red_days = $2, due_soon_days = $3, updated_at = now(), updated_by = $4`,
    [t.yellowDays, t.redDays, t.dueSoonDays, actor],
  )
}
