import type { Programme } from '@onemap/domain/programme'
import type { ClientBase } from 'pg'
import type { Database } from '../database.ts'
import { SCHEMA } from '../pool-clients.ts'

/** True when the database holds no programme yet, i.e. it was never seeded. */
export async function holdsNoProgramme(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM programme')
  return rows[0]?.n === 0
}

/** Inserts one programme (goals and targets as JSON) on the caller's client, inside the caller's transaction. */
export async function insertProgramme(client: ClientBase, p: Programme): Promise<void> {
  await client.query(
    `INSERT INTO programme (id, name_zh, name_en, window_start, deadline, source, goals, targets)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      p.id,
      p.name_zh,
      p.name_en,
      p.window_start,
      p.deadline,
      p.source,
      JSON.stringify(p.goals),
      JSON.stringify(p.targets),
    ],
  )
}

/** Drops the OneMap schema with every table in it, the audit trail included (`onemap seed --reset`). */
export async function dropOneMapSchema(db: Database): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
}
