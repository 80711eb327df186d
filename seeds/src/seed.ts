import type { Database } from '@onemap/db/database'
import { migrate } from '@onemap/db/migrate'
import { dropOneMapSchema, holdsNoProgramme, insertProgramme } from '@onemap/db/queries/seed'
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

/**
 * Seeds an empty database with the programme and the sample layers, in one transaction so a
 * failure leaves it empty. A database that holds anything is left alone.
 */
export async function seedIfEmpty(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  if (!(await holdsNoProgramme(db))) return { seeded: false, reason: 'database already holds data; left alone' }
  // Read and validate the files before the transaction opens: a broken file fails without touching the DB.
  const layers = options.layers ?? readSampleLayers()
  await db.transaction(async (client) => {
    await insertProgramme(client, PROGRAMME_2020)
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
  await dropOneMapSchema(db)
  await migrate(db)
  return seedIfEmpty(db)
}
