import { layerHubFor } from '@onemap/api/layer-hub'
import { liveHubFor } from '@onemap/api/live-hub'
import { hashPassword } from '@onemap/api/passwords'
import { openFixtureDatabase } from '@onemap/api/testing/fixture'
import { openDatabase, type Database } from '@onemap/db/database'
import { createAccount } from '@onemap/db/queries/accounts'
import type { TestDatabase } from '@onemap/db/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createServer } from '../app.ts'

// Two servers sharing one database. On a PostgreSQL server they are two pools and two listening
// connections, as two processes would have; an embedded folder opens in one process only, so there
// both servers share its single connection.
let db: TestDatabase
let dbB: Database
let a: FastifyInstance
let b: FastifyInstance
let urlA: string
let urlB: string
beforeAll(async () => {
  db = await openFixtureDatabase()
  await createAccount(db, { name: 'planner-li', role: 'planner', passwordHash: await hashPassword('planner-password') })
  dbB = db.url ? await openDatabase({ url: db.url, dataDir: '', poolSize: 2 }) : db
  a = await createServer({ db })
  b = await createServer({ db: dbB })
  urlA = await a.listen({ port: 0, host: '127.0.0.1' })
  urlB = await b.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await a.close()
  await b.close()
  if (dbB !== db) await dbB.close()
  await db.close()
})

interface SseMessage {
  id?: string
  event?: string
  data: string
}

/**
 * Opens an SSE stream and yields its messages (comments, i.e. pings, skipped), the blocks without data
 * (tRPC's 'restore-id' event) too: an EventSource takes the id of every block that has an id field.
 */
async function* sse(url: string, signal: AbortSignal): AsyncGenerator<SseMessage> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal })
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
  const decoder = new TextDecoder()
  let buffer = ''
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const msg: SseMessage = { data: '' }
      for (const line of block.split('\n')) {
        if (line.startsWith('id:')) msg.id = line.slice(3).trim()
        if (line.startsWith('event:')) msg.event = line.slice(6).trim()
        if (line.startsWith('data:')) msg.data += line.slice(5).trim()
      }
      if (msg.data || msg.id !== undefined) yield msg
    }
  }
}

/**
 * The next status change on a stream: layer messages (untracked: `id` empty, then a 'restore-id' block
 * giving the EventSource its last id back) are passed over, and handed to `onOther` when given.
 */
async function nextChange(stream: AsyncGenerator<SseMessage>, onOther?: (m: SseMessage) => void): Promise<SseMessage> {
  for (;;) {
    const m = (await stream.next()).value!
    if (m.data && (JSON.parse(m.data) as { type?: string }).type === 'change') return m
    onOther?.(m)
  }
}

async function loginA(): Promise<string> {
  const res = await fetch(`${urlA}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'planner-li', password: 'planner-password' }),
  })
  return res.headers.get('set-cookie')!.split(';')[0]!
}

describe(`live updates over SSE`, () => {
  it('delivers an edit made through server A to a subscriber of server B within 1 s, and resumes by id', async () => {
    // Both streams are aborted in `finally`: a stream left open would keep server B from closing in afterAll.
    const ac = new AbortController()
    const ac2 = new AbortController()
    try {
      const cookie = await loginA()
      const eventId = await deliverThroughB(cookie, ac.signal)
      ac.abort()
      await resumeThroughB(cookie, eventId, ac2.signal)
    } finally {
      ac.abort()
      ac2.abort()
    }
  })
})

describe('layer messages over SSE', () => {
  it('carry no id of their own: the last change stays the EventSource’s resume point, and resuming from it replays only later changes', async () => {
    const ac = new AbortController()
    const ac2 = new AbortController()
    try {
      const cookie = await loginA()
      const hubs = [liveHubFor(db), layerHubFor(db)]
      const probes = await Promise.all(hubs.map((h) => h.subscribe(() => {})))
      const before = hubs.map((h) => h.subscriberCount)
      const stream = sse(`${urlA}/trpc/live.events`, ac.signal)
      await stream.next() // tRPC's 'connected'
      await vi.waitFor(() => expect(hubs.map((h) => h.subscriberCount)).toEqual(before.map((n) => n + 1)))
      for (const stop of probes) stop()

      // What an EventSource would hold as lastEventId: the id of the last block that had an id field.
      let lastEventId = ''
      const layerMessages: unknown[] = []
      const heard = (m: SseMessage) => {
        if (m.id !== undefined) lastEventId = m.id
        if (m.data) layerMessages.push(JSON.parse(m.data))
      }
      const { rows } = await db.query<{ v: number }>(`SELECT version::int AS v FROM facilities WHERE id = 'f2'`)
      const edit = await postEdit(cookie, {
        entity: 'facility',
        id: 'f2',
        expectedVersion: rows[0]!.v,
        to: 'started',
        at: '2021-05-03',
      })
      const change = await nextChange(stream, heard)
      expect(change.id).toBe(String(edit))
      heard(change)
      // An import of rivers: its layer message comes with an empty id, and the change's id is put back after it.
      await db.query(
        `INSERT INTO rivers (id, name_zh, name_en, geom) VALUES ('river-sse', '河', 'River',
           ST_Multi(ST_SetSRID(ST_MakeLine(ST_MakePoint(113.52, 34.79), ST_MakePoint(113.58, 34.81)), 4490)))`,
      )
      const { rows: versions } = await db.query<{ v: number }>(
        "SELECT version::int AS v FROM layer_versions WHERE layer = 'rivers'",
      )
      for (;;) {
        const m = (await stream.next()).value!
        heard(m)
        if (m.data.includes('"rivers"') && m.data.includes(`"version":${versions[0]!.v}`)) {
          expect(m.id).toBe('')
          const restore = (await stream.next()).value!
          heard(restore)
          expect(restore).toMatchObject({ event: 'restore-id', id: String(edit) })
          break
        }
      }
      expect(layerMessages).toContainEqual({ type: 'layer', layer: 'rivers', version: versions[0]!.v })
      expect(lastEventId).toBe(String(edit))
      ac.abort()

      // Resuming from that id: nothing replayed but changes after it, then every layer's version.
      const input = encodeURIComponent(JSON.stringify({ lastEventId }))
      const resumed = sse(`${urlA}/trpc/live.events?input=${input}`, ac2.signal)
      await resumed.next()
      const first = (await resumed.next()).value!
      expect(JSON.parse(first.data)).toMatchObject({ type: 'layer' })
    } finally {
      ac.abort()
      ac2.abort()
    }
  })
})

/** An edit through A (as planner-li); returns its event id. */
async function postEdit(cookie: string, body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${urlA}/trpc/edits.setStatus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { result: { data: { eventId: number } } }).result.data.eventId
}

/** An edit through A reaches a live subscriber of B within 1 s of A acknowledging it; returns its event id. */
async function deliverThroughB(cookie: string, signal: AbortSignal): Promise<number> {
  // Server B's hub listens once this resolves; the stream is live once it joins the hub's subscribers.
  const hub = liveHubFor(dbB)
  const stopProbe = await hub.subscribe(() => {})
  const listening = hub.subscriberCount
  const stream = sse(`${urlB}/trpc/live.events`, signal)
  // The first message is tRPC's 'connected' handshake, sent before the subscription subscribes.
  const first = await stream.next()
  expect(first.value?.data).toContain('reconnectAfterInactivityMs')
  await vi.waitFor(() => expect(hub.subscriberCount).toBe(listening + 1))
  stopProbe()

  const edit = await fetch(`${urlA}/trpc/edits.setStatus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      entity: 'road_segment',
      id: 's1',
      expectedVersion: 1,
      to: 'under_construction',
      at: '2021-05-01',
    }),
  })
  expect(edit.status).toBe(200)
  // Counted from the acknowledgement: the edit's own duration is not the stream's latency.
  const acknowledged = Date.now()
  const eventId = ((await edit.json()) as { result: { data: { eventId: number } } }).result.data.eventId
  const msg = await nextChange(stream)
  const elapsed = Date.now() - acknowledged
  expect(msg.id).toBe(String(eventId))
  expect(JSON.parse(msg.data)).toMatchObject({
    type: 'change',
    event: { entityId: 's1', to: 'under_construction', from: 'planned', layer: 'road_segments' },
  })
  expect(msg.data).not.toContain('planner-li')
  expect(elapsed).toBeLessThan(1000)
  return eventId
}

/** Another edit while disconnected: reconnecting to B with lastEventId replays it first. */
async function resumeThroughB(cookie: string, eventId: number, signal: AbortSignal): Promise<void> {
  await fetch(`${urlA}/trpc/edits.setStatus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ entity: 'road_segment', id: 's1', expectedVersion: 2, to: 'completed', at: '2021-05-20' }),
  })
  const input = encodeURIComponent(JSON.stringify({ lastEventId: String(eventId) }))
  const resumed = sse(`${urlB}/trpc/live.events?input=${input}`, signal)
  await resumed.next()
  const missed = await nextChange(resumed)
  expect(JSON.parse(missed.data)).toMatchObject({ type: 'change', event: { entityId: 's1', to: 'completed' } })
  expect(Number(missed.id)).toBeGreaterThan(eventId)
}
