import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { afterAll, describe, expect, it } from 'vitest'
import { DatabaseOpenError, openDatabase } from './database.ts'

const scratch = mkdtempSync(join(tmpdir(), 'onemap-db-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('a server that cannot be reached', () => {
  it('fails within 15 s naming host and port, never the password', async () => {
    // A listener that accepts connections and never answers: the client must give up by itself.
    const silent: Server = createServer(() => {})
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    const port = (silent.address() as { port: number }).port
    const started = Date.now()
    const error = await openDatabase({
      url: `postgres://planner:s3cret-pw@127.0.0.1:${port}/onemap`,
      dataDir: '',
    }).catch((e: unknown) => e)
    silent.close()
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    const message = (error as Error).message
    expect(message).toContain(`127.0.0.1:${port}`)
    expect(message).not.toContain('s3cret-pw')
  })

  it('reports a refused connection the same way', async () => {
    const error = await openDatabase({
      url: 'postgres://u:hunter2@127.0.0.1:1/x',
      dataDir: '',
      connectTimeoutMs: 3000,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as Error).message).toMatch(/127\.0\.0\.1:1\b/)
    expect((error as Error).message).not.toContain('hunter2')
  })
})

describe('a PostgreSQL without PostGIS', () => {
  it('is refused with the install hint', async () => {
    // A real PostgreSQL (PGlite) that has no PostGIS extension at all.
    const plain = await PGlite.create()
    const socket = new PGLiteSocketServer({ db: plain, host: '127.0.0.1', port: 0, maxConnections: 2 })
    await socket.start()
    try {
      const error = await openDatabase({
        url: `postgres://postgres@${socket.getServerConn()}/postgres`,
        dataDir: '',
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DatabaseOpenError)
      expect((error as Error).message).toMatch(/PostGIS is not installed/)
      expect((error as Error).message).toMatch(/apt-get install postgresql-.*postgis-3/)
    } finally {
      await socket.stop()
      await plain.close()
    }
  })
})

// Each case here creates an embedded database from nothing (initdb, PostGIS, migrations): ~10 s on a quiet
// machine, several times that when both cores are busy with other suites, so these get the hook budget.
describe('the embedded data folder', { timeout: 180_000 }, () => {
  it('keeps what was written across a close and reopen', async () => {
    const dataDir = join(scratch, 'persist')
    const first = await openDatabase({ dataDir })
    await first.query('CREATE TABLE kept (note text)')
    await first.query("INSERT INTO kept VALUES ('edited in run one')")
    await first.close()
    const second = await openDatabase({ dataDir })
    try {
      const { rows } = await second.query<{ note: string }>('SELECT note FROM kept')
      expect(rows).toEqual([{ note: 'edited in run one' }])
    } finally {
      await second.close()
    }
  })

  it('refuses a second opener while the first holds it', async () => {
    const dataDir = join(scratch, 'locked')
    const first = await openDatabase({ dataDir })
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process \d+/)
    } finally {
      await first.close()
    }
  })

  it('refuses a non-empty folder that is not a database and leaves it untouched', async () => {
    const dataDir = join(scratch, 'not-a-db')
    mkdirSync(dataDir)
    writeFileSync(join(dataDir, 'notes.txt'), 'my files')
    const error = await openDatabase({ dataDir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as Error).message).toContain(dataDir)
    expect(readdirSync(dataDir)).toEqual(['notes.txt'])
    expect(readFileSync(join(dataDir, 'notes.txt'), 'utf8')).toBe('my files')
  })

  it('reports a damaged database folder by name instead of re-creating it', async () => {
    const dataDir = join(scratch, 'damaged')
    mkdirSync(join(dataDir, 'global'), { recursive: true })
    writeFileSync(join(dataDir, 'PG_VERSION'), '18\n')
    writeFileSync(join(dataDir, 'global', 'pg_control'), 'garbage')
    const error = await openDatabase({ dataDir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as Error).message).toContain(dataDir)
    expect((error as Error).message).toMatch(/could not be opened/)
    expect(readFileSync(join(dataDir, 'global', 'pg_control'), 'utf8')).toBe('garbage')
  })
})
