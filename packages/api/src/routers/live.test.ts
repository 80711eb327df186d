import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openFixtureDatabase()
})
afterAll(async () => {
  await db.close()
})

type Data = { entityId: string; to: string } & Record<string, unknown>
type Tracked = { id: string; data: Data }

/** Server-side callers receive tracked() envelopes as [id, data, marker] tuples. */
async function nextTracked(it: AsyncIterator<unknown>): Promise<Tracked> {
  const { value } = await it.next()
  const [id, data] = value as [string, Data]
  return { id, data }
}

describe('live.events', () => {
  it('streams a committed edit with its event id and resumes after a given id', async () => {
    const stream = (await callerAs(db, null).live.events()) as AsyncIterable<unknown>
    const it = stream[Symbol.asyncIterator]()
    const first = nextTracked(it)
    // Give the subscription time to start listening before the edit commits.
    await new Promise((r) => setTimeout(r, 300))
    const edit = await callerAs(db, PLANNER).edits.setStatus({ entity: 'road_segment', id: 's1', expectedVersion: 1, to: 'under_construction', at: '2021-05-01' })
    const got = await first
    expect(got.id).toBe(String(edit.eventId))
    expect(got.data).toEqual({ id: edit.eventId, entity: 'road_segment', entityId: 's1', from: 'planned', to: 'under_construction', happenedOn: '2021-05-01', kind: 'edit' })
    await it.return?.()

    // Two more edits while nobody listens; a client resuming from the first id receives both.
    const p = callerAs(db, PLANNER)
    await p.edits.setStatus({ entity: 'road_segment', id: 's1', expectedVersion: 2, to: 'completed', at: '2021-05-20' })
    await p.edits.setStatus({ entity: 'facility', id: 'f1', expectedVersion: 1, to: 'started', at: '2021-05-21' })
    const resumed = (await callerAs(db, null).live.events({ lastEventId: String(edit.eventId) })) as AsyncIterable<unknown>
    const it2 = resumed[Symbol.asyncIterator]()
    const a = await nextTracked(it2)
    const b = await nextTracked(it2)
    expect([a.data.entityId, a.data.to, b.data.entityId, b.data.to]).toEqual(['s1', 'completed', 'f1', 'started'])
    expect(Number(b.id)).toBeGreaterThan(Number(a.id))
    await it2.return?.()
  })
})
