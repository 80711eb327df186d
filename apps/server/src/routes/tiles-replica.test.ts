import { prepareProgressFixture } from '@onemap/db/testing/progress-fixture'
import { openDatabase, type Database } from '@onemap/db/database'
import { migrate } from '@onemap/db/migrate'
import { writeStatus } from '@onemap/db/queries/edits'
import { testBackend } from '@onemap/db/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'
import { tilePath } from '../testing/cluster.ts'
import { tileFeature, tileJsonVersion } from '../testing/tile-reading.ts'
import {
  caughtUp,
  createPrimary,
  createReplica,
  freePort,
  pauseReplay,
  postgresBinaries,
  resumeReplay,
  type PgCluster,
} from '../testing/pg-cluster.ts'

// A real streaming replica (pg_basebackup -R of a private primary). Run in the server-backend pass only:
// the embedded pass has no use for PostgreSQL's server binaries and the run is long enough.
const skip =
  testBackend !== 'server'
    ? 'runs in the PostgreSQL-server pass only'
    : !postgresBinaries()
      ? 'no PostgreSQL server binaries'
      : undefined
if (skip) console.warn(`[tiles-replica.test] skipped: ${skip}`)

const IMMUTABLE = 'public, max-age=31536000, immutable'
/** The z-tile holding segment s1 of the fixture (along 113.55 E from 34.78 to 34.79 N). */
const s1Tile = (z: number) => tilePath('road_segments', 113.55, 34.785, z)

const clusters: PgCluster[] = []
let primary: PgCluster
let replica: PgCluster
let writer: Database
let db: Database
let app: FastifyInstance
beforeAll(async () => {
  if (skip) return
  primary = await createPrimary({ prefix: '/tmp/onemap-scale-primary-', port: await freePort(5600, 5699) })
  clusters.push(primary)
  writer = await openDatabase({ url: primary.url, dataDir: '', poolSize: 2 })
  await migrate(writer)
  await prepareProgressFixture(writer)
  replica = await createReplica(primary, { prefix: '/tmp/onemap-scale-replica-', port: await freePort(5600, 5699) })
  clusters.push(replica)
  db = await openDatabase({ url: primary.url, dataDir: '', readUrl: replica.url, poolSize: 4 })
  app = await createServer({ db })
}, 180_000)
afterAll(async () => {
  await app?.close()
  await db?.close()
  await writer?.close()
  for (const c of clusters.reverse()) await c.remove()
})

async function segmentVersion(): Promise<number> {
  return tileJsonVersion((await app.inject({ method: 'GET', url: '/tiles/road_segments.json' })).json())
}

async function s1At(version: number) {
  const res = await app.inject({ method: 'GET', url: `${s1Tile(14)}?v=${version}` })
  expect(res.statusCode).toBe(200)
  return {
    status: tileFeature(res.rawPayload, 'road_segments', 's1')?.status,
    cacheControl: res.headers['cache-control'],
  }
}

describe.skipIf(skip)('public reads on a streaming replica', () => {
  it('serve a tile version the replica has replayed from the replica, one it has not from the primary, and OGC items from the replica', async () => {
    await caughtUp(primary, replica)
    const before = await segmentVersion()
    await pauseReplay(replica)
    try {
      await writer.transaction((client) =>
        writeStatus(client, {
          entity: 'road_segment',
          id: 's1',
          expectedVersion: 1,
          to: 'under_construction',
          actualStart: '2021-05-01',
          actualFinish: null,
          actor: 'test',
        }),
      )
      const after = await segmentVersion()
      expect(after).toBeGreaterThan(before)

      // The old version still answers as it was, immutable: only the paused replica still holds it
      // (the primary would answer the new state, to be revalidated).
      expect(await s1At(before)).toEqual({ status: 'planned', cacheControl: IMMUTABLE })
      // The replica has not replayed the edit: the new version's tile shows the edit, never the old state.
      expect(await s1At(after)).toEqual({ status: 'under_construction', cacheControl: IMMUTABLE })
      // OGC items read the replica too (there is no version to ask for: they show what it has replayed).
      const item = await app.inject({ method: 'GET', url: '/ogc/collections/road_segments/items/s1' })
      expect((item.json() as { properties: { status: string } }).properties.status).toBe('planned')
      expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({
        readReplica: { state: 'ok' },
      })
    } finally {
      await resumeReplay(replica)
    }
  })

  it('fall back to the primary when the replica stops, and /healthz says reads go there', async () => {
    // Its own replica and server: stopping it must not disturb the other test's replica.
    const own = await createReplica(primary, { prefix: '/tmp/onemap-scale-replica-', port: await freePort(5600, 5699) })
    clusters.push(own)
    const ownDb = await openDatabase({ url: primary.url, dataDir: '', readUrl: own.url, poolSize: 2 })
    const ownApp = await createServer({ db: ownDb })
    try {
      const version = await segmentVersion()
      expect((await ownApp.inject({ method: 'GET', url: `${s1Tile(14)}?v=${version}` })).statusCode).toBe(200)
      await own.stop()
      // Another tile: the first is in the process's tile cache now and would not touch a database.
      const tile = await ownApp.inject({ method: 'GET', url: `${s1Tile(13)}?v=${version}` })
      expect(tile.statusCode).toBe(200)
      const health = await ownApp.inject({ method: 'GET', url: '/healthz' })
      expect(health.statusCode).toBe(200)
      expect(health.json()).toMatchObject({
        ok: true,
        readReplica: { state: 'down', location: expect.stringContaining(`:${own.port}`) },
      })
    } finally {
      await ownApp.close()
      await ownDb.close()
    }
  })
})
