import { openFixtureDatabase } from '@onemap/api/testing/fixture'
import { testBackend, type TestDatabase } from '@onemap/db/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMain, type MainProcess } from './testing/main-process.ts'

// Terminating backends needs a PostgreSQL server; the embedded database lives inside the process, so
// its faults are covered by the deterministic test in packages/db/src/database-faults.test.ts.
const onServer = testBackend === 'server'
const APP_NAME = 'onemap-fault-test'
const SEGMENTS = ['s1', 's2', 's3', 's4']
const ROUNDS = 20

let db: TestDatabase
let admin: pg.Client
let probe: pg.Client
let main: MainProcess
let cookie: string
let dbName: string
beforeAll(async () => {
  if (!onServer) return
  db = await openFixtureDatabase()
  const maintenance = new URL(db.url as string)
  dbName = maintenance.pathname.slice(1)
  maintenance.pathname = '/postgres'
  admin = new pg.Client({ connectionString: maintenance.toString() })
  probe = new pg.Client({ connectionString: db.url })
  await Promise.all([admin.connect(), probe.connect()])
  // PGAPPNAME marks the server's connections, so only they are terminated, never the test's own.
  main = await startMain({
    DATABASE_URL: db.url as string,
    ONEMAP_ADMIN_PASSWORD: 'fault-test-password',
    PGAPPNAME: APP_NAME,
  })
  const login = await fetch(`${main.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password: 'fault-test-password' }),
  })
  cookie = login.headers.get('set-cookie')!.split(';')[0]!
}, 90_000)
afterAll(async () => {
  if (!onServer) return
  await admin?.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`).catch(() => {})
  main?.child.kill('SIGKILL')
  await main?.exited
  await Promise.all([admin?.end(), probe?.end()])
  await db?.close()
})

async function health(): Promise<{ status: number; ok: boolean }> {
  const res = await fetch(`${main.url}/healthz`)
  return { status: res.status, ok: ((await res.json()) as { ok: boolean }).ok }
}

/** Polls /healthz until it reports `ok`; each poll is a real request, so no sleep is needed. */
async function healthBecomes(ok: boolean): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const h = await health()
    if (h.ok === ok) {
      expect(h.status).toBe(ok ? 200 : 503)
      return
    }
    if (Date.now() > deadline) throw new Error(`/healthz did not report ok=${ok} within 15 s`)
  }
}

async function versionOf(id: string): Promise<number> {
  const { rows } = await probe.query<{ version: number }>('SELECT version FROM road_segments WHERE id = $1', [id])
  return rows[0]!.version
}

const SKIP_REASON = onServer
  ? ''
  : ': skipped, terminating backends needs a PostgreSQL server (embedded: packages/db/src/database-faults.test.ts)'
describe(`database faults during edits (${testBackend}${SKIP_REASON})`, () => {
  it.skipIf(!onServer)(
    `${ROUNDS} rounds of terminated backends: the process lives, /healthz recovers, no edit or audit row is lost`,
    async () => {
      const initial = new Map(await Promise.all(SEGMENTS.map(async (id) => [id, await versionOf(id)] as const)))
      const acknowledged: string[] = []
      const statuses = new Map<number, number>()
      let stop = false
      let acked: (() => void) | undefined
      let n = 0
      // One editor per segment, editing as fast as answers come back; a 503 is expected during an outage.
      const editors = SEGMENTS.map(async (id) => {
        while (!stop) {
          const note = `fault-${id}-${n++}`
          const res = await fetch(`${main.url}/trpc/edits.revisePlan`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({
              entity: 'road_segment',
              id,
              expectedVersion: await versionOf(id),
              revisedStart: '2021-01-01',
              revisedFinish: `2022-01-${String(1 + (n % 28)).padStart(2, '0')}`,
              reason: note,
            }),
          })
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          const body = await res.text()
          expect(body).not.toMatch(/terminating connection|administrator command|SELECT|UPDATE|INSERT/)
          if (res.status === 200) {
            acknowledged.push(note)
            acked?.()
          }
        }
      })

      for (let round = 0; round < ROUNDS; round++) {
        // Wait for edits of this round to be under way, then cut every connection of the server.
        const before = acknowledged.length
        while (acknowledged.length < before + 2) await new Promise<void>((r) => (acked = r))
        await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`)
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
          APP_NAME,
        ])
        await healthBecomes(false)
        await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`)
        await healthBecomes(true)
        expect(main.child.exitCode, main.output()).toBeNull()
      }
      stop = true
      await Promise.all(editors)

      expect(statuses.get(503) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0)
      expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503 && s !== 409)).toEqual([])
      const { rows } = await probe.query<{ entity_id: string; note: string }>(
        // revisePlan records "revised plan … → …: <reason>".
        "SELECT entity_id, substring(note from ': (fault-.*)$') AS note FROM status_events WHERE note LIKE '%: fault-%'",
      )
      const perNote = new Map<string, number>()
      for (const r of rows) perNote.set(r.note, (perNote.get(r.note) ?? 0) + 1)
      // Every acknowledged edit has exactly one audit row …
      for (const note of acknowledged) expect(perNote.get(note), note).toBe(1)
      expect([...perNote.values()].every((c) => c === 1)).toBe(true)
      // … and every audit row its edit: each committed edit bumped its segment's version exactly once.
      for (const id of SEGMENTS) {
        const events = rows.filter((r) => r.entity_id === id).length
        expect((await versionOf(id)) - initial.get(id)!, id).toBe(events)
      }
    },
    120_000,
  )
})
