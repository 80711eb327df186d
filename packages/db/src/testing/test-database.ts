import { createHash, randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { openDatabase, type Database } from '../database.ts'
import { migrate, readMigrations } from '../migrate.ts'
import { testEnv } from './env.ts'

export interface TestDatabaseOptions {
  /**
   * Name of a prepared template, e.g. "api-progress-fixture"; databases made from the same template
   * share its preparation, which runs once per machine and version of the template. The version is a
   * hash of the migrations, `prepare`'s source and the `sources` files: no name needs bumping by hand.
   */
  template?: string
  /** Runs once on a freshly migrated template database. */
  prepare?: (db: Database) => Promise<void>
  /**
   * Files the template is built from beyond `prepare`'s own text (the fixture module with its SQL and
   * helpers), as file: URLs (e.g. `import.meta.url`) or paths: editing one builds a new template.
   */
  sources?: readonly string[]
  /** Skip migrations: the database is empty (for migration tests). */
  empty?: boolean
}

export interface TestDatabase extends Database {
  /** A postgres:// URL reaching this database (server backend only). */
  readonly url: string | undefined
}

/** A fresh, isolated, migrated database on the backend this test run uses; close() deletes it. */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const key = templateKey(options)
  return testEnv.DATABASE_URL ? openServerCopy(testEnv.DATABASE_URL, key, options) : openEmbeddedCopy(key, options)
}

/** The backend tests run on, for test names and skips of backend-specific checks. */
export const testBackend: 'embedded' | 'server' = testEnv.DATABASE_URL ? 'server' : 'embedded'

function templateKey(options: TestDatabaseOptions): string {
  if (options.empty) return 'empty'
  const migrations = readMigrations()
    .map((m) => m.checksum)
    .join(',')
  const hash = createHash('sha256').update(
    `${migrations}|${options.template ?? 'migrated'}|${options.prepare?.toString() ?? ''}`,
  )
  for (const source of options.sources ?? [])
    hash.update('|').update(readFileSync(source.startsWith('file:') ? fileURLToPath(source) : source))
  return hash.digest('hex').slice(0, 16)
}

async function prepareTemplate(db: Database, options: TestDatabaseOptions) {
  if (options.empty) return
  await migrate(db)
  await options.prepare?.(db)
}

// ---- embedded: copy a prepared PGlite folder (reopening a copy takes ~1.5 s, a fresh one ~8 s)

async function openEmbeddedCopy(key: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const copy = await embeddedCopy(key, options)
  const db = await openDatabase({ dataDir: copy.dataDir })
  return {
    ...db,
    url: undefined,
    async close() {
      await db.close()
      copy.remove()
    },
  }
}

/**
 * Embedded backend: a fresh copy of a prepared template folder, not opened, for a test that starts
 * a OneMap process on it (ONEMAP_DATA_DIR). remove() deletes it.
 */
export function copyEmbeddedTemplate(options: TestDatabaseOptions = {}): Promise<{ dataDir: string; remove(): void }> {
  return embeddedCopy(templateKey(options), options)
}

async function embeddedCopy(key: string, options: TestDatabaseOptions): Promise<{ dataDir: string; remove(): void }> {
  const template = join(tmpdir(), `onemap-test-template-${key}`)
  await buildOnce(template, async (building) => {
    const db = await openDatabase({ dataDir: building })
    try {
      await prepareTemplate(db, options)
    } finally {
      await db.close()
    }
  })
  const dir = mkdtempSync(join(tmpdir(), 'onemap-test-db-'))
  const dataDir = join(dir, 'pglite')
  cpSync(template, dataDir, { recursive: true })
  return { dataDir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Builds `target` exactly once across concurrent test processes, using mkdir as the lock. */
async function buildOnce(target: string, build: (dir: string) => Promise<void>) {
  const lock = `${target}.lock`
  const deadline = Date.now() + 180_000
  while (!existsSync(target)) {
    try {
      mkdirSync(lock)
    } catch {
      // Another process is building it; a lock older than 3 minutes belongs to a crashed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true })
      if (Date.now() > deadline) throw new Error(`Timed out waiting for test template ${target}`)
      await new Promise((r) => setTimeout(r, 250))
      continue
    }
    try {
      const building = `${target}.building`
      rmSync(building, { recursive: true, force: true })
      await build(building)
      renameSync(building, target)
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
  }
}

// ---- server: CREATE DATABASE … TEMPLATE a prepared database

async function openServerCopy(adminUrl: string, key: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const templateName = `onemap_tpl_${key}`
  const name = `onemap_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [templateName])
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName])
      if (exists.rows.length === 0) {
        const building = `${templateName}_building`
        await admin.query(`DROP DATABASE IF EXISTS ${building}`)
        await admin.query(`CREATE DATABASE ${building}`)
        const db = await openDatabase({ url: withDatabase(adminUrl, building), dataDir: '' })
        try {
          await prepareTemplate(db, options)
        } finally {
          await db.close()
        }
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${templateName}`)
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [templateName])
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`)
  } finally {
    await admin.end()
  }
  const url = withDatabase(adminUrl, name)
  const db = await openDatabase({ url, dataDir: '', poolSize: 4 })
  return {
    ...db,
    url,
    async close() {
      await db.close()
      const drop = new pg.Client({ connectionString: adminUrl })
      await drop.connect()
      try {
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await drop.end()
      }
    },
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
