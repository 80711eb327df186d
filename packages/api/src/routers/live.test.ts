import type { Database } from '@onemap/db/database'
import type { TestDatabase } from '@onemap/db/testing'
import type { ChangeEvent, LiveMessage } from '@onemap/domain/change-event'
import { LAYERS } from '@onemap/domain/layers'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { liveHubFor } from '../live-hub.ts'
import { callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'
import { isChange, isLayer, openLive, type Received } from '../testing/live-stream.ts'
import { REPLAY_WINDOW } from './live.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openFixtureDatabase()
})
afterAll(async () => {
  await db.close()
})

type Tracked = { id: string; data: LiveMessage }

/** The next tracked message (a change or a resync); layer messages in between are passed over. */
async function nextTracked(it: AsyncIterator<unknown>): Promise<Tracked> {
  for (;;) {
    const { value } = await it.next()
    if (Array.isArray(value)) return { id: value[0] as string, data: value[1] as LiveMessage }
  }
}

/** The change a tracked message carries; fails the test on a resync. */
function changeOf(t: Tracked): ChangeEvent {
  if (t.data.type !== 'change') throw new Error(`expected a change, got ${JSON.stringify(t.data)}`)
  return t.data.event
}

/** Each layer's version as layers.list reports it: the number in its tile URLs. */
async function listedVersions(database: Database): Promise<Map<string, number>> {
  const list = await callerAs(database, null).layers.list()
  for (const l of list) expect(l.tiles).toContain(`?v=${l.version}`)
  return new Map(list.map((l) => [l.id, l.version]))
}

/** A status edit of a segment or facility from whatever version it is at (tests run in any order). */
async function setStatus(entity: 'road_segment' | 'facility', id: string, to: string, at: string) {
  const table = entity === 'road_segment' ? 'road_segments' : 'facilities'
  const { rows } = await db.query<{ v: number }>(`SELECT version::int AS v FROM ${table} WHERE id = $1`, [id])
  return callerAs(db, PLANNER).edits.setStatus({ entity, id, expectedVersion: rows[0]!.v, to, at })
}

/** Writes as an import does, without a status event: the river's rows replaced in one transaction. */
async function importRiver(id: string, nameZh: string) {
  await db.transaction(async (c) => {
    await c.query('DELETE FROM rivers WHERE id = $1', [id])
    await c.query(
      `INSERT INTO rivers (id, name_zh, name_en, geom)
       VALUES ($1, $2, $1, ST_Multi(ST_SetSRID(ST_MakeLine(ST_MakePoint(113.52, 34.79), ST_MakePoint(113.58, 34.81)), 4490)))`,
      [id, nameZh],
    )
  })
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
    let got = await first
    // A change of an earlier test (in a shuffled run) may still be on its way through the hub: it comes first.
    while (Number(got.id) < edit.eventId) got = await nextTracked(it)
    expect(got.id).toBe(String(edit.eventId))
    // The version of the segments' tiles (road_segments + roads), not the road_segments table's alone.
    const listed = await listedVersions(db)
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
      layerVersion: listed.get('road_segments'),
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

  it('streams a layer’s new version, untracked, on a write without a status event: an import, a road renamed', async () => {
    const live = await openLive(db)
    try {
      // An import of rivers: the rivers layer moves, to the version layers.list and the tile URLs then carry.
      await importRiver('river-live-1', '须水河')
      const river = await live.until(isLayer('rivers'))
      expect(river.id).toBeNull()
      expect(river.data).toEqual({ type: 'layer', layer: 'rivers', version: (await listedVersions(db)).get('rivers') })

      // A road renamed through `roads` moves the segments' tiles (they carry the road's name): no status event.
      await db.query(
        `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m) VALUES ('rd-live', '新路', 'New Road', 'branch', 20)`,
      )
      const inserted = await live.until(isLayer('road_segments'))
      await db.query(`UPDATE roads SET name_zh = '新名路', name_en = 'Renamed Road' WHERE id = 'rd-live'`)
      const renamed = await live.until(isLayer('road_segments'))
      const listed = await listedVersions(db)
      expect(renamed.data).toEqual({ type: 'layer', layer: 'road_segments', version: listed.get('road_segments') })
      expect(renamed.data.version).toBeGreaterThan(inserted.data.version)

      // A status edit still streams its change, tracked, whose layerVersion is the tile URLs' version too.
      const edit = await setStatus('road_segment', 's3', 'under_construction', '2021-05-05')
      const change = await live.until(isChange(edit.eventId))
      const after = await listedVersions(db)
      expect(change.data.event).toMatchObject({ entityId: 's3', layer: 'road_segments' })
      expect(change.data.event.layerVersion).toBe(after.get('road_segments'))
      // The same write moved the segments' layer: its message, before or after the change, names that version.
      const layer = [...live.skipped, ...(await untilSeen(live, 'road_segments', after.get('road_segments')!))].find(
        (r) => isLayer('road_segments')(r) && r.data.version === after.get('road_segments'),
      )
      expect(layer?.id).toBeNull()
    } finally {
      await live.close()
    }
  })

  it('resumes from the last change id with layer writes in between: the missed changes in order, then every layer’s version', async () => {
    const live = await openLive(db)
    const first = await setStatus('facility', 'f3', 'started', '2021-05-02')
    const seen = await live.until(isChange(first.eventId))
    // Layer messages heard after the change do not move the resume point: the client keeps the change's id.
    await importRiver('river-live-2', '贾鲁河')
    await live.until(isLayer('rivers'))
    await live.close()

    // While nobody listens: changes and layer writes interleaved.
    const a = await setStatus('road_segment', 's4', 'under_construction', '2021-05-06')
    await importRiver('river-live-2', '贾鲁河支流')
    await db.query(
      `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m) VALUES ('rd-resume', '续路', 'Resume Road', 'branch', 20)`,
    )
    const b = await setStatus('facility', 'f3', 'completed', '2021-05-22')
    await importRiver('river-live-3', '潮河')

    const resumed = await openLive(db, Number(seen.id))
    try {
      const got: Received[] = []
      for (let i = 0; i < 2 + LAYERS.length; i++) got.push(await resumed.next())
      // The missed changes first, in order, tracked by their ids ...
      expect(got.slice(0, 2).map((r) => [r.id, r.data.type === 'change' && r.data.event.entityId])).toEqual([
        [String(a.eventId), 's4'],
        [String(b.eventId), 'f3'],
      ])
      // ... then every layer's current version, untracked, as layers.list reports them.
      const listed = await listedVersions(db)
      expect(new Map(got.slice(2).map((r) => [r.data.type === 'layer' ? r.data.layer : r.data.type, r.data]))).toEqual(
        new Map(LAYERS.map((l) => [l.id, { type: 'layer', layer: l.id, version: listed.get(l.id) }])),
      )
      expect(got.slice(2).every((r) => r.id === null)).toBe(true)
      for (const r of got.slice(0, 2)) {
        if (r.data.type === 'change')
          expect(r.data.event.layerVersion).toBeLessThanOrEqual(listed.get(r.data.event.layer)!)
      }
    } finally {
      await resumed.close()
    }
  })

  it('sends every layer’s current version when the layer listener reconnected (notifications may be lost)', async () => {
    const live = await openLive(db)
    try {
      await dropListener(db)
      const got: Received[] = []
      while (got.filter(isLayer()).length < LAYERS.length) got.push(await live.next())
      const listed = await listedVersions(db)
      expect(new Map(got.filter(isLayer()).map((r) => [r.data.layer, r.data.version]))).toEqual(
        new Map(LAYERS.map((l) => [l.id, listed.get(l.id)])),
      )
    } finally {
      await live.close()
    }
  })
})

/** Reads on until the layer's message with `version` arrived (it may already have, among the skipped). */
async function untilSeen(live: Awaited<ReturnType<typeof openLive>>, layer: string, version: number) {
  const heard = (r: Received): r is Received => isLayer(layer)(r) && r.data.version === version
  if (live.skipped.some(heard)) return []
  return [await live.until(heard)]
}

/**
 * Breaks the listening connection as a database restart would, and resolves once it listens again: the
 * dedicated LISTEN backend killed on a server; on the embedded database the pool's only client dropped.
 */
async function dropListener(database: TestDatabase) {
  let back!: () => void
  const reconnected = new Promise<void>((r) => (back = r))
  const stop = await database.listen('onemap_live_test_probe', () => {}, { onReconnect: () => back() })
  try {
    if (database.kind === 'server') {
      await database.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      )
    } else {
      const client = await database.pool.connect()
      client.release(new Error('simulated drop'))
      // The embedded database's one backend session outlives the dropped client, and with it the statements
      // that client prepared, which the new client knows nothing of: forget them, or preparing again fails.
      await database.query('DEALLOCATE ALL')
    }
    await reconnected
  } finally {
    await stop()
  }
}
