import { execFile } from 'node:child_process'
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { callerAs, PLANNER } from '@onemap/api/testing/fixture'
import { BackupError, ident, schemaTables } from '@onemap/db/backup/catalogue'
import { backupDatabase } from '@onemap/db/backup/dump'
import { restoreDatabase } from '@onemap/db/backup/restore'
import type { Database } from '@onemap/db/database'
import { IMPORT_LAYERS, importFingerprint } from '@onemap/db/queries/import'
import { testBackend, type TestDatabase } from '@onemap/db/testing'
import { reseed } from '@onemap/seeds/seed'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let db: TestDatabase
const dir = mkdtempSync(join(tmpdir(), 'onemap-backup-'))
beforeAll(async () => {
  db = await openSeededTestDatabase()
})
afterAll(async () => {
  await db?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The importer's per-layer fingerprint (layer, audit trail, sources, versions) plus every other table of the schema. */
async function fingerprint(d: Database) {
  const layers = await Promise.all(IMPORT_LAYERS.map((layer) => importFingerprint(d, layer)))
  const client = await d.pool.connect()
  try {
    const tables: Record<string, string | null> = {}
    for (const t of await schemaTables(client)) {
      const { rows } = await client.query<{ sum: string | null }>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM onemap.${ident(t.name)} t`,
      )
      tables[t.name] = rows[0]?.sum ?? null
    }
    return { layers, tables }
  } finally {
    client.release()
  }
}

async function someEdits() {
  const { rows } = await db.query<{ id: string; version: number }>(
    "SELECT id, version FROM facilities WHERE status = 'planned' ORDER BY id LIMIT 2",
  )
  const planner = callerAs(db, PLANNER)
  for (const f of rows)
    await planner.edits.setStatus({
      entity: 'facility',
      id: f.id,
      expectedVersion: f.version,
      to: 'started',
      at: '2021-05-01',
    })
  await db.query("INSERT INTO users (name, role, password_hash) VALUES ('backup-planner', 'planner', 'scrypt$x')")
  await db.query(
    "INSERT INTO account_events (actor, account, action, detail) VALUES ('admin', 'backup-planner', 'create', '{\"role\": \"planner\"}')",
  )
}

describe(`backup and restore (${testBackend})`, () => {
  it('restores edits, audit trail and accounts exactly after backup → wipe → restore, and ids continue', async () => {
    await someEdits()
    const before = await fingerprint(db)
    const file = join(dir, 'drill.onemap.gz')
    const written = await backupDatabase(db, file)
    expect(written.tables).toBe(Object.keys(before.tables).length)

    await reseed(db) // the wipe: a fresh sample database, edits and accounts gone
    expect(await fingerprint(db)).not.toEqual(before)
    await expect(restoreDatabase(db, file)).rejects.toThrow(/holds data; .* Pass --replace/)

    const restored = await restoreDatabase(db, file, { replace: true })
    expect(restored).toEqual(written)
    expect(await fingerprint(db)).toEqual(before)
    const { rows } = await db.query<{ max: string }>('SELECT max(id)::text AS max FROM status_events')
    const next = await db.query<{ id: string }>(
      "SELECT nextval(pg_get_serial_sequence('onemap.status_events', 'id'))::text AS id",
    )
    expect(BigInt(next.rows[0]!.id)).toBeGreaterThan(BigInt(rows[0]!.max))
  }, 300_000)

  it('refuses a truncated or foreign file, leaving the database unchanged', async () => {
    const file = join(dir, 'whole.onemap.gz')
    await backupDatabase(db, file)
    const before = await fingerprint(db)
    const bytes = readFileSync(file)
    writeFileSync(join(dir, 'cut.onemap.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    writeFileSync(join(dir, 'foreign.gz'), 'not a backup at all')
    for (const bad of ['cut.onemap.gz', 'foreign.gz']) {
      const err = await restoreDatabase(db, join(dir, bad), { replace: true }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(BackupError)
    }
    expect(await fingerprint(db)).toEqual(before)
  }, 300_000)
})

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url))
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))

describe(`pnpm onemap backup / restore (${testBackend})`, () => {
  const run = (args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        TSX,
        [CLI, ...args],
        { env: { ...process.env, ONEMAP_DATA_DIR: join(dir, 'cli-pglite'), DATABASE_URL: db.url ?? '' } },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      )
    })

  // The embedded folder has one owner (this test holds it), so the command itself runs against a server.
  it.skipIf(testBackend !== 'server')(
    'backs up and restores a running database, asking for --replace',
    async () => {
      const file = join(dir, 'cli.onemap.gz')
      const before = await fingerprint(db)
      expect(await run(['backup', file])).toMatchObject({
        code: 0,
        out: expect.stringMatching(/Backup written to .*cli\.onemap\.gz: \d+ tables/),
      })
      await db.query("UPDATE programme SET name_en = 'changed after the backup'")
      expect(await run(['restore', file])).toMatchObject({ code: 3, out: expect.stringMatching(/Pass --replace/) })
      expect(await run(['restore', file, '--replace'])).toMatchObject({
        code: 0,
        out: expect.stringMatching(/Restored .*cli\.onemap\.gz/),
      })
      expect(await fingerprint(db)).toEqual(before)
    },
    300_000,
  )

  it('exits 2 without a file and 3 for a damaged file, with one clear line', async () => {
    expect(await run(['backup'])).toMatchObject({
      code: 2,
      out: expect.stringMatching(/backup needs exactly one file/),
    })
    writeFileSync(join(dir, 'junk.gz'), 'junk')
    const damaged = await run(['restore', join(dir, 'junk.gz'), '--replace'])
    expect(damaged.code).toBe(3)
    expect(damaged.out).toMatch(/restore failed, nothing changed: .*junk\.gz is not a readable OneMap backup/)
    expect(damaged.out).not.toMatch(/\n\s+at /)
  }, 300_000)
})
