import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyEmbeddedTemplate, openTestDatabase, type TestDatabase, type TestDatabaseOptions } from '@onemap/db/testing'
import { INDICATOR_REGISTRY, MILESTONE_REGISTRY } from '@onemap/domain/indicator-registry'
import { DATA_DIR } from './digitise/paths.ts'
import { seedIfEmpty } from './seed.ts'

const here = dirname(fileURLToPath(import.meta.url))
/** The seed code whose changes must also invalidate a prepared template. */
const SEED_SOURCES = [
  'seed.ts',
  'programme.ts',
  'sample-layers.ts',
  'sample-layer-schemas.ts',
  'duban-sample.ts',
  'indicator-samples.ts',
]

/**
 * Hash of everything a seeded database is built from: the sample layers in data/ and the seed code.
 * The template name carries it, so editing the data or the loader builds a fresh template instead
 * of reusing a stale one.
 */
export function seedFingerprint(): string {
  const hash = createHash('sha256')
  const dataFiles = readdirSync(DATA_DIR)
    .filter((name) => name.endsWith('.geojson') || name.endsWith('.json') || name.endsWith('.csv'))
    .sort()
  for (const name of dataFiles) hash.update(name).update(readFileSync(join(DATA_DIR, name)))
  for (const name of SEED_SOURCES) hash.update(name).update(readFileSync(join(here, name)))
  hash.update(readFileSync(fileURLToPath(import.meta.resolve('@onemap/db/queries/sample-load'))))
  hash.update(readFileSync(fileURLToPath(import.meta.resolve('@onemap/db/queries/duban/sample'))))
  // The indicator registry is seeded from code in @onemap/domain.
  hash.update(JSON.stringify([INDICATOR_REGISTRY, MILESTONE_REGISTRY]))
  return hash.digest('hex').slice(0, 12)
}

function seededTemplate(): TestDatabaseOptions {
  return {
    template: `seeded-${seedFingerprint()}`,
    prepare: async (db) => {
      await seedIfEmpty(db)
    },
  }
}

/** A fresh, isolated database holding the programme and every sample layer; close() deletes it. */
export function openSeededTestDatabase(): Promise<TestDatabase> {
  return openTestDatabase(seededTemplate())
}

/** Embedded backend: an unopened copy of the seeded database, for a test that starts a OneMap process on it. */
export function copySeededEmbeddedFolder(): Promise<{ dataDir: string; remove(): void }> {
  return copyEmbeddedTemplate(seededTemplate())
}
