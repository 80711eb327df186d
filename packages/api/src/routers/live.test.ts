import type { TestDatabase } from '@onemap/db/testing'
import type { ChangeEvent, LiveMessage } from '@onemap/domain/change-event'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { liveHubFor } from '../live-hub.ts'
import { callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'
import { REPLAY_WINDOW } from './live.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openFixtureDatabase()
})
afterAll(async () => {
  await db.close()
})

type Tracked = { id: string; data: LiveMessage }

/** Server-side callers receive tracked() envelopes as [id, data, marker] tuples. */
async function nextTracked(it: AsyncIterator<unknown>): Promise<Tracked> {
  const { value } = await it.next()
  const [id, data] = value as [string, LiveMessage]
  return { id, data }
}

/** The change a tracked message carries; fails the test on a resync. */
function changeOf(t: Tracked): ChangeEvent {
  if (t.data.type !== 'change') throw new Error(`expected a change, got ${JSON.stringify(t.data)}`)
  return t.data.event
}

describe('live.events', () => {
  it('streams a committed edit with its event id and resumes after a given id', async () => {
    // The hub listens once this resolves; the subscription is live once it joins the hub's subscribers.
    const hub = liveHubFor(db)
    const stopProbe = await hub.subscribe(() => {})
    const listening = hub.subscriberCount
    const stream = (await callerAs(db, null).live.events()) as AsyncIterable<unknown>
    const it = stream[Symbol.asyncIterator]()
    const first = nextTracked(it)
    await vi.waitFor(() => expect(hub.subscriberCount).toBe(listening + 1))
    stopProbe()
    const edit = await callerAs(db, PLANNER).edits.setStatus({
      entity: 'road_segment',
      id: 's1',
      expectedVersion: 1,
      to: 'under_construction',
      at: '2021-05-01',
    })
    const got = await first
    expect(got.id).toBe(String(edit.eventId))
    const { rows: version } = await db.query<{ v: number }>(
      "SELECT version::int AS v FROM layer_versions WHERE layer = 'road_segments'",
    )
    expect(changeOf(got)).toEqual({
      id: edit.eventId,
      entity: 'road_segment',
      entityId: 's1',
      from: 'planned',
      to: 'under_construction',
      happenedOn: '2021-05-01',
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      kind: 'edit',
      layer: 'road_segments',
      layerVersion: version[0]!.v,
      // What the wall's ticker line needs: the segment is named by its road.
      nameZh: '测试路',
      nameEn: 'Test Road',
    })
    await it.return?.()

    // Two more edits while nobody listens; a client resuming from the first id receives both.
    const p = callerAs(db, PLANNER)
    await p.edits.setStatus({ entity: 'road_segment', id: 's1', expectedVersion: 2, to: 'completed', at: '2021-05-20' })
    await p.edits.setStatus({ entity: 'facility', id: 'f1', expectedVersion: 1, to: 'started', at: '2021-05-21' })
    const resumed = (await callerAs(db, null).live.events({
      lastEventId: String(edit.eventId),
    })) as AsyncIterable<unknown>
    const it2 = resumed[Symbol.asyncIterator]()
    const a = await nextTracked(it2)
    const b = await nextTracked(it2)
    expect([changeOf(a).entityId, changeOf(a).to, changeOf(b).entityId, changeOf(b).to, changeOf(b).layer]).toEqual([
      's1',
      'completed',
      'f1',
      'started',
      'facilities',
    ])
    expect(Number(b.id)).toBeGreaterThan(Number(a.id))
    await it2.return?.()

    // A workbench asks for items: a segment's change then carries the segment's state after it (null
    // fields left out), from which it patches its table row; a facility's change carries none.
    const withItems = (await callerAs(db, null).live.events({
      lastEventId: String(edit.eventId),
      items: true,
    })) as AsyncIterable<unknown>
    const it3 = withItems[Symbol.asyncIterator]()
    const segment = changeOf(await nextTracked(it3))
    expect(segment.item).toEqual({
      status: 'completed',
      version: 3,
      lengthM: expect.closeTo(1109.4, 0),
      category: 'secondary',
      plannedStart: '2021-01-01',
      actualStart: '2021-05-01',
      actualFinish: '2021-05-20',
    })
    expect(changeOf(await nextTracked(it3)).item).toBeUndefined()
    await it3.return?.()
    expect(changeOf(a).item).toBeUndefined()
  })

  it(`sends one resync, not a replay, to a client more than ${REPLAY_WINDOW} events behind`, async () => {
    const { rows } = await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM status_events')
    const from = rows[0]!.id
    // A backlog one past the window, as a wall switched off for weeks would face.
    await db.query(
      `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind)
       SELECT 'facility', 'f2', 'planned', 'planned', '2021-05-01', 'seed', 'seed' FROM generate_series(1, $1)`,
      [REPLAY_WINDOW + 1],
    )
    const { rows: latest } = await db.query<{ id: number }>('SELECT max(id)::int AS id FROM status_events')
    for (const lastEventId of [String(from), '0']) {
      const stream = (await callerAs(db, null).live.events({ lastEventId })) as AsyncIterable<unknown>
      const it = stream[Symbol.asyncIterator]()
      const got = await nextTracked(it)
      expect(got.data).toEqual({ type: 'resync' })
      expect(got.id).toBe(String(latest[0]!.id))
      await it.return?.()
    }
    // Exactly at the window, the events themselves are replayed.
    const near = (await callerAs(db, null).live.events({
      lastEventId: String(latest[0]!.id - REPLAY_WINDOW),
    })) as AsyncIterable<unknown>
    const it = near[Symbol.asyncIterator]()
    expect(changeOf(await nextTracked(it)).entityId).toBe('f2')
    await it.return?.()
  })
})
