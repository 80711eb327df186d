import type { Database } from '@onemap/db/database'
import { SCHEMA } from '@onemap/db/database'
import { migrate } from '@onemap/db/migrate'
import { loadDubanSample } from './duban-sample.ts'
import { seedIndicators } from './indicator-samples.ts'
import { PROGRAMME_2020 } from './programme.ts'
import { loadSampleLayers, readSampleLayers, type SampleLayers } from './sample-layers.ts'

export interface SeedResult {
  seeded: boolean
  reason: string
}

export interface SeedOptions {
  /** The sample layers to load; defaults to the files in data/ (tests pass altered copies). */
  layers?: SampleLayers
}

/** True when the database holds no programme yet, i.e. it was never seeded. */
export async function isEmpty(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM programme')
  return rows[0]?.n === 0
}

/**
 * Seeds an empty database with the programme and the sample layers, in one transaction so a
 * failure leaves it empty. A database that holds anything is left alone.
 */
export async function seedIfEmpty(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  if (!(await isEmpty(db))) return { seeded: false, reason: 'database already holds data; left alone' }
  // Read and validate the files before the transaction opens: a broken file fails without touching the DB.
  const layers = options.layers ?? readSampleLayers()
  await db.transaction(async (client) => {
    const p = PROGRAMME_2020
    await client.query(
      `INSERT INTO programme (id, name_zh, name_en, window_start, deadline, source, goals, targets)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [p.id, p.name_zh, p.name_en, p.window_start, p.deadline, p.source, JSON.stringify(p.goals), JSON.stringify(p.targets)],
    )
    await loadSampleLayers(client, layers)
    await loadDubanSample(client)
  })
  await seedIndicators(db)
  return { seeded: true, reason: 'empty database seeded with the programme and the sample layers' }
}

/**
 * Drops every OneMap table (the audit trail included: this is a deliberate, explicit reset) and
 * rebuilds the schema and seed from scratch.
 */
export async function reseed(db: Database): Promise<SeedResult> {
  await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await migrate(db)
  return seedIfEmpty(db)
}
