import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChannelHub, type HubSignal, queuedSubscription } from './channel-hub.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
})

describe('ChannelHub', () => {
  it('delivers in notification order though parsing reads the database, and turns a failed parse into a gap', async () => {
    // The first payload parses slowest: a hub that did not queue would deliver it last.
    const hub = new ChannelHub<number>(db, 'onemap_hub_test', async (raw, database) => {
      const n = (raw as { n: number }).n
      if (n === 2) throw new Error('unreadable')
      await database.query('SELECT pg_sleep($1)', [n === 1 ? 0.2 : 0])
      return n
    })
    const ac = new AbortController()
    const sub = await queuedSubscription(hub, ac.signal)
    for (const n of [1, 2, 3]) await db.query('SELECT pg_notify($1, $2)', ['onemap_hub_test', JSON.stringify({ n })])
    const got: HubSignal<number>[] = []
    for (let i = 0; i < 3; i++) got.push((await sub.next())!)
    expect(got).toEqual([{ type: 'event', event: 1 }, { type: 'gap' }, { type: 'event', event: 3 }])
    sub.unsubscribe()
    ac.abort()
  })
})
