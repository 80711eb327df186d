import { openDatabase, type Database } from '@onemap/db/database'
import { migrateUnlocked, withMigrationLock } from '@onemap/db/migrate'
import { seedIndicators } from '@onemap/seeds/indicator-samples'
import { seedIfEmpty } from '@onemap/seeds/seed'
import type { Env } from './env.ts'

/** Opens, migrates and (when empty, unless told not to) seeds the database, reporting each step through `say`. */
export async function prepareDatabase(env: Env, say: (line: string) => void, { seed = true } = {}): Promise<Database> {
  say(
    env.DATABASE_URL
      ? 'Connecting to the PostgreSQL server …'
      : `Opening the embedded database in ${env.ONEMAP_DATA_DIR} …`,
  )
  const db = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.ONEMAP_DATA_DIR,
    readUrl: env.ONEMAP_READ_DATABASE_URL,
  })
  try {
    say(`Database: ${db.kind} at ${db.location}, PostGIS ${await db.postgisVersion()}`)
    // One lock around both steps: of several servers starting on one empty database, one migrates
    // and seeds; the others wait and find the work done.
    await withMigrationLock(db, async () => {
      const { applied, current } = await migrateUnlocked(db)
      say(applied.length ? `Applied migrations: ${applied.join(', ')}` : `Migrations up to date (${current})`)
      if (seed) say(`Seed: ${(await seedIfEmpty(db)).reason}`)
      // The indicator registry follows the code even in a database seeded before it existed.
      if (seed) say(`Indicators: ${(await seedIndicators(db)).reason}`)
    })
    return db
  } catch (err) {
    await db.close()
    throw err
  }
}
