import { testBackend } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  clusterUnavailable,
  editSegment,
  eventIdsAfter,
  plannedSegments,
  portOf,
  signIn,
  startCluster,
  tilePath,
  tileVersion,
  type OneMapCluster,
  type SegmentAt,
} from './testing/cluster.ts'
import { LiveSubscriber } from './testing/live-subscriber.ts'
import { caughtUp, pauseReplay, resumeReplay } from './testing/pg-cluster.ts'
import { tileFeature } from './testing/tile-reading.ts'

// Two OneMap processes (real main.ts) + PostgreSQL primary + streaming replica + nginx with
// deploy/nginx/onemap.conf, all on loopback. It runs in the PostgreSQL-server pass of `npm test` only
// (the embedded pass would start the same clusters again for nothing).
const skip =
  testBackend !== 'server' ? 'runs in the PostgreSQL-server pass only (DATABASE_URL set)' : clusterUnavailable()
if (skip) console.warn(`[cluster.test] skipped: ${skip}`)

const PASSWORD = 'cluster-test-password'
let cluster: OneMapCluster
let cookie: string
/** What each process printed while the two started together (a later test may restart one). */
let startOutputs: string[] = []
/** Planned segments not yet edited by any test: each test takes its own. */
let unused: SegmentAt[] = []
beforeAll(async () => {
  if (skip) return
  // No per-address limit on /trpc: every request here comes from 127.0.0.1, and subscriberOn opens
  // streams in a loop until nginx routes one to a just-restarted process, which would count against it.
  cluster = await startCluster({
    processes: 2,
    ports: [5600, 5699],
    adminPassword: PASSWORD,
    env: { ONEMAP_RATE_LIMIT_TRPC: '0' },
  })
  startOutputs = cluster.processes.map((p) => p.output())
  cookie = await signIn(cluster.nginx.url, 'admin', PASSWORD)
  unused = await plannedSegments(cluster.primary, 40)
}, 300_000)
afterAll(async () => {
  await cluster?.stop()
})

const take = (n: number) => unused.splice(0, n)
const upstreamPort = (upstream: string | undefined) => Number(upstream?.split(':').pop())

/**
 * Subscribers through nginx until one is served by the process on `port`: round robin gets there, or
 * (a process just restarted) once nginx tries it again after its fail_timeout of 5 s.
 */
async function subscriberOn(port: number): Promise<LiveSubscriber> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    const s = new LiveSubscriber(cluster.nginx.url)
    await s.ready()
    if (upstreamPort(s.upstream) === port) return s
    s.close()
  }
  throw new Error(`no subscriber reached the process on ${port} through nginx`)
}

describe.skipIf(skip)('two OneMap processes behind nginx with a streaming replica', () => {
  it('started together on an empty database, migrated and seeded it exactly once', () => {
    const outputs = startOutputs
    expect(outputs.filter((o) => /Applied migrations: 001/.test(o))).toHaveLength(1)
    expect(outputs.filter((o) => /Migrations up to date/.test(o))).toHaveLength(1)
    expect(outputs.filter((o) => /Seed: empty database seeded/.test(o))).toHaveLength(1)
  })

  it('delivers an edit made through one process to a subscriber on the other within 1 s', async () => {
    const [a, b] = cluster.processes.map(portOf) as [number, number]
    const subscribers = [await subscriberOn(a), await subscriberOn(b)]
    try {
      const [segment] = take(1) as [SegmentAt]
      const edit = await editSegment(cluster.nginx.url, cookie, {
        id: segment.id,
        expectedVersion: segment.version,
        to: 'under_construction',
        at: '2021-05-01',
      })
      expect(edit.status).toBe(200)
      // Counted from the acknowledgement, as in live.test.ts: the edit's own duration is not the stream's.
      const started = Date.now()
      const other = subscribers.find((s) => s.upstream !== edit.upstream) as LiveSubscriber
      await other.waitFor(
        (m) => m.some((e) => e.id === edit.eventId),
        1000,
        `event ${edit.eventId} on the other process`,
      )
      expect(Date.now() - started).toBeLessThan(1000)
    } finally {
      for (const s of subscribers) s.close()
    }
  })

  it('serves a versioned tile from the replica, and the primary when the replica has not replayed that version', async () => {
    const [segment] = take(1) as [SegmentAt]
    const tile = tilePath('road_segments', segment.lon, segment.lat, 15)
    const version = () => tileVersion(cluster.nginx.url, 'road_segments')
    const statusAt = async (v: number) => {
      const res = await fetch(`${cluster.nginx.url}${tile}?v=${v}`)
      expect(res.status).toBe(200)
      const feature = tileFeature(new Uint8Array(await res.arrayBuffer()), 'road_segments', segment.id)
      return { status: feature?.status, cacheControl: res.headers.get('cache-control') }
    }
    await caughtUp(cluster.primary, cluster.replica)
    const before = await version()
    await pauseReplay(cluster.replica)
    try {
      const edit = await editSegment(cluster.nginx.url, cookie, {
        id: segment.id,
        expectedVersion: segment.version,
        to: 'under_construction',
        at: '2021-05-01',
      })
      expect(edit.status).toBe(200)
      const after = await version()
      expect(after).toBeGreaterThan(before)
      // Only the paused replica still holds the old version: the primary would answer the edited
      // state marked for revalidation, not the old one marked immutable.
      expect(await statusAt(before)).toEqual({ status: 'planned', cacheControl: 'public, max-age=31536000, immutable' })
      expect(await statusAt(after)).toEqual({
        status: 'under_construction',
        cacheControl: 'public, max-age=31536000, immutable',
      })
    } finally {
      await resumeReplay(cluster.replica)
    }
  })

  it('loses no acknowledged edit when a process is killed, and its subscriber resumes on the other with no event missed', async () => {
    const victim = cluster.processes[0]!
    const victimPort = portOf(victim)
    const subscriber = await subscriberOn(victimPort)
    const first = (await eventIdsAfter(cluster.primary, 0)).at(-1) ?? 0
    const segments = take(12)
    const acknowledged: number[] = []
    try {
      for (const [i, segment] of segments.entries()) {
        if (i === 4) victim.child.kill('SIGKILL')
        const edit = await editSegment(cluster.nginx.url, cookie, {
          id: segment.id,
          expectedVersion: segment.version,
          to: 'under_construction',
          at: '2021-05-01',
        })
        if (edit.status === 200 && edit.eventId !== undefined) acknowledged.push(edit.eventId)
      }
      await victim.exited
      // Every acknowledged edit is in the primary's log …
      const logged = await eventIdsAfter(cluster.primary, first as number)
      expect(logged).toEqual(expect.arrayContaining(acknowledged))
      // … and the subscriber, moved to the other process, received every logged event once, in order.
      await subscriber.waitFor((m) => logged.every((id) => m.some((e) => e.id === id)), 10_000, 'every logged event')
      const received = subscriber.messages.map((m) => m.id).filter((id) => id > first)
      expect(received).toEqual(logged)
      expect(subscriber.reconnects.length).toBeGreaterThanOrEqual(1)
      expect(upstreamPort(subscriber.upstream)).not.toBe(victimPort)
      expect(acknowledged.length).toBeGreaterThanOrEqual(segments.length - 1)
    } finally {
      subscriber.close()
      // Put the process back on its port, so the cluster is whole again for any test after this one.
      cluster.processes.splice(cluster.processes.indexOf(victim), 1)
      await cluster.startProcess(victimPort)
    }
  })
})
