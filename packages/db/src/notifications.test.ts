import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestDatabase, testBackend, type TestDatabase } from './testing/test-database.ts'

let db: TestDatabase
beforeEach(async () => {
  db = await openTestDatabase()
})
afterEach(async () => {
  await db.close()
})

function nextPayload(channel: string, options: { onReconnect?: () => void } = {}) {
  const received: string[] = []
  const waiters: ((p: string) => void)[] = []
  const ready = db.listen(
    channel,
    (p) => {
      const w = waiters.shift()
      if (w) w(p)
      else received.push(p)
    },
    options,
  )
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const queued = received.shift()
      if (queued !== undefined) return resolve(queued)
      const timer = setTimeout(() => reject(new Error('no notification within 2 s')), 2_000)
      waiters.push((p) => {
        clearTimeout(timer)
        resolve(p)
      })
    })
  return { ready, next }
}

const insertEvent = (entityId: string) =>
  db.query(
    `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind)
     VALUES ('road_segment', $1, 'planned', 'under_construction', '2021-01-01', 'tester', 'edit')`,
    [entityId],
  )

describe(`listen (${testBackend})`, () => {
  it('delivers the trigger notification of a committed status event', async () => {
    const sub = nextPayload('onemap_events')
    await sub.ready
    await insertEvent('r-1')
    expect(JSON.parse(await sub.next())).toMatchObject({
      entity: 'road_segment',
      entity_id: 'r-1',
      to: 'under_construction',
    })
  })

  it('delivers nothing for a rolled-back event', async () => {
    const sub = nextPayload('onemap_events')
    await sub.ready
    await db
      .transaction(async (c) => {
        await c.query(
          `INSERT INTO status_events (entity, entity_id, to_status, happened_on, actor, kind) VALUES ('facility', 'f-1', 'started', '2021-01-01', 't', 'edit')`,
        )
        throw new Error('abort after the insert')
      })
      .catch(() => {})
    await insertEvent('r-2')
    expect(JSON.parse(await sub.next())).toMatchObject({ entity_id: 'r-2' })
  })

  it('stops calling a handler after unlisten', async () => {
    let calls = 0
    const stop = await db.listen('onemap_events', () => (calls += 1))
    const sub = nextPayload('onemap_events')
    await sub.ready
    await stop()
    await insertEvent('r-3')
    await sub.next()
    expect(calls).toBe(0)
  })

  it('listens again after its connection is lost and reports the reconnect', async () => {
    let reconnected!: () => void
    const back = new Promise<void>((r) => (reconnected = r))
    const sub = nextPayload('onemap_events', { onReconnect: () => reconnected() })
    await sub.ready
    if (db.kind === 'server') {
      // Kill the dedicated listening backend as a server restart would.
      await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      )
      await back
    } else {
      // Drop the pool's only client; the next query opens a new one, which must LISTEN again.
      const client = await db.pool.connect()
      client.release(new Error('simulated drop'))
      await db.query('SELECT 1')
      await back
    }
    await insertEvent('r-4')
    expect(JSON.parse(await sub.next())).toMatchObject({ entity_id: 'r-4' })
  })
})
