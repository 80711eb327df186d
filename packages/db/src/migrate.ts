import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import type { Database } from './database.ts'
import { SCHEMA } from './database.ts'
import { MigrationError } from './errors.ts'

/** The folder of numbered `NNN_name.sql` files, applied in order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url))

export interface MigrationFile {
  id: number
  name: string
  sql: string
  checksum: string
}

/** Reads migrations/ in numeric order; refuses gaps and duplicate numbers. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
  return files.map((name, index) => {
    const match = /^(\d{3})_[a-z0-9_]+\.sql$/.exec(name)
    if (!match) throw new Error(`Migration file name ${name} does not look like NNN_name.sql`)
    const id = Number(match[1])
    if (id !== index + 1) throw new Error(`Migration ${name} is out of sequence: expected number ${index + 1}`)
    const sql = readFileSync(`${dir}/${name}`, 'utf8')
    return { id, name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
  })
}

export interface MigrateResult {
  applied: string[]
  /** Number of the newest migration now in the database. */
  current: number
}

/**
 * Applies every migration not yet recorded, each in its own transaction together with its record,
 * so a failing file leaves the database exactly as the previous file left it. A recorded file whose
 * text has since changed stops the run: the database would no longer match the code.
 *
 * We keep this small runner instead of node-pg-migrate because it must run over the embedded
 * database's single connection, where a runner's separate lock connection would wait forever.
 */
export async function migrate(db: Database, files = readMigrations()): Promise<MigrateResult> {
  return withMigrationLock(db, () => migrateUnlocked(db, files))
}

// Any fixed number: it names the lock every OneMap process takes before changing the schema.
const MIGRATION_LOCK = 4_110_172_560

/**
 * Runs `fn` while holding a PostgreSQL advisory lock (server backend), so two servers starting together
 * on one empty database migrate and seed once: the second waits, then finds the work done. The lock is
 * a session lock on its own connection, freed when fn ends or the process dies. The embedded database
 * has one owner process (its folder lock) and one connection, so it needs none.
 */
export async function withMigrationLock<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  if (db.kind === 'embedded') return fn()
  const client = await db.pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      return await fn()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}

/** migrate() for a caller that already holds the migration lock (it is not re-entrant across connections). */
export async function migrateUnlocked(db: Database, files = readMigrations()): Promise<MigrateResult> {
  await ensureMigrationsTable(db)
  const { rows } = await db.query<{ id: number; name: string; checksum: string }>(
    `SELECT id, name, checksum FROM ${SCHEMA}.schema_migrations ORDER BY id`,
  )
  const done = new Map(rows.map((r) => [r.id, r]))
  for (const file of files) {
    const record = done.get(file.id)
    if (record && record.checksum !== file.checksum) {
      throw new MigrationError(file.name, new Error(`it was applied as ${record.name} and its text has changed since`))
    }
  }
  const applied: string[] = []
  for (const file of files) {
    if (done.has(file.id)) continue
    try {
      await db.transaction((client) => applyMigration(client, file))
    } catch (err) {
      throw new MigrationError(file.name, err)
    }
    applied.push(file.name)
  }
  return { applied, current: await currentMigration(db) }
}

/** The schema and its record of applied migrations, created when missing. */
export async function ensureMigrationsTable(q: { query(text: string): Promise<unknown> }): Promise<void> {
  await q.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`)
  await q.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_migrations (
    id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
}

/** Runs one file and records it, on a client inside a transaction the caller owns. */
export async function applyMigration(client: pg.PoolClient, file: MigrationFile): Promise<void> {
  await client.query(`SET LOCAL search_path TO ${SCHEMA}, public`)
  await client.query(file.sql)
  await client.query(`INSERT INTO ${SCHEMA}.schema_migrations (id, name, checksum) VALUES ($1, $2, $3)`, [
    file.id,
    file.name,
    file.checksum,
  ])
}

/** Number of the newest applied migration, 0 for an empty database. */
export async function currentMigration(db: Database): Promise<number> {
  const exists = await db.query(`SELECT to_regclass('${SCHEMA}.schema_migrations') IS NOT NULL AS ok`)
  if (!exists.rows[0]?.ok) return 0
  const { rows } = await db.query<{ n: number | null }>(`SELECT max(id) AS n FROM ${SCHEMA}.schema_migrations`)
  return rows[0]?.n ?? 0
}
