import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { VectorTile } from '@mapbox/vector-tile'
import type { Database } from '@onemap/db/database'
import { testBackend } from '@onemap/db/testing'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import Fastify, { type FastifyInstance } from 'fastify'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'
import { tileRoutes } from './tiles.ts'

let db: Database
let app: FastifyInstance
beforeAll(async () => {
  db = await openSeededTestDatabase()
  app = await createServer({ db })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

/** The slippy-map tile holding a lon/lat at zoom z. */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  }
}

function decode(body: Buffer, layer: string): Record<string, unknown>[] {
  if (body.length === 0) return []
  const l = new VectorTile(new PbfReader(body)).layers[layer]
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).properties) : []
}

async function tileJson(layer: string, query = '') {
  const res = await app.inject({ method: 'GET', url: `/tiles/${layer}.json${query}` })
  expect(res.statusCode).toBe(200)
  return res.json() as { tilejson: string; tiles: string[]; vector_layers: { id: string }[]; bounds: number[] }
}

/** Fetches a tile URL from a TileJSON template, gzip accepted, and decodes it. */
async function fetchTile(template: string, z: number, x: number, y: number, headers: Record<string, string> = {}) {
  const url = new URL(template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)))
  const res = await app.inject({
    method: 'GET',
    url: url.pathname + url.search,
    headers: { 'accept-encoding': 'gzip', ...headers },
  })
  return res
}

/**
 * Runs a write and resolves once its layer notification has been dispatched. Handlers run in the
 * order they were added on the one listening connection, so the tile routes' own has run by then.
 */
async function afterNotification(write: () => Promise<unknown>) {
  let resolve = () => {}
  const seen = new Promise<void>((r) => (resolve = r))
  const unlisten = await db.listen('onemap_layers', () => resolve())
  await write()
  await seen
  await unlisten()
}

describe(`vector tiles over HTTP (${testBackend})`, () => {
  const center = tileAt(113.54, 34.8, 12)

  it('TileJSON 3.0.0 points at versioned tile URLs whose tiles decode to the layer', async () => {
    const tj = await tileJson('road_segments')
    expect(tj.tilejson).toBe('3.0.0')
    expect(tj.vector_layers[0]?.id).toBe('road_segments')
    const { rows } = await db.query<{ v: string }>(
      "SELECT sum(version)::text AS v FROM layer_versions WHERE layer IN ('road_segments', 'roads')",
    )
    expect(tj.tiles[0]).toContain(`/tiles/road_segments/{z}/{x}/{y}.mvt?v=${rows[0]?.v}`)
    const res = await fetchTile(tj.tiles[0] as string, center.z, center.x, center.y)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile')
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers['cache-control']).toContain('immutable')
    const features = decode(gunzipSync(res.rawPayload), 'road_segments')
    expect(features.length).toBeGreaterThan(0)
    for (const f of features) {
      expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['id', 'status']))
      expect(f).not.toHaveProperty('updated_by')
      expect(f).not.toHaveProperty('version')
    }
  })

  it('answers 304 to a matching ETag and sends plain protobuf without gzip', async () => {
    const url = `/tiles/road_segments/${center.z}/${center.x}/${center.y}.mvt`
    const first = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } })
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    const etag = String(first.headers.etag)
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    const plain = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(decode(plain.rawPayload, 'road_segments').length).toBe(
      decode(gunzipSync(first.rawPayload), 'road_segments').length,
    )
  })

  it('gzips the rendering answer fast and later hits with the smaller kept form, each revalidating the tile', async () => {
    // Its own server, so its tile cache starts empty whatever ran before.
    const own = await createServer({ db })
    try {
      const t = tileAt(113.54, 34.8, 13)
      const url = `/tiles/road_segments/${t.z}/${t.x}/${t.y}.mvt`
      const get = (headers: Record<string, string> = {}) =>
        own.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip', ...headers } })
      const first = await get()
      expect(String(first.headers.etag)).toMatch(/-gzip1"$/)
      const features = decode(gunzipSync(first.rawPayload), 'road_segments')
      expect(features.length).toBeGreaterThan(0)
      // The kept form replaces the fast one once recompressed off the request path.
      let later = await get()
      while (String(later.headers.etag).endsWith('-gzip1"')) later = await get()
      expect(String(later.headers.etag)).toBe(`${String(first.headers.etag).slice(0, -7)}-gzip"`)
      expect(later.rawPayload.length).toBeLessThanOrEqual(first.rawPayload.length)
      expect(decode(gunzipSync(later.rawPayload), 'road_segments')).toEqual(features)
      expect((await get({ 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304)
    } finally {
      await own.close()
    }
  })

  it('negotiates Accept-Encoding by q-value, offers brotli and answers 406 when nothing is acceptable', async () => {
    const url = `/tiles/road_segments/${center.z}/${center.x}/${center.y}.mvt`
    const get = (accept: string) => app.inject({ method: 'GET', url, headers: { 'accept-encoding': accept } })
    const plain = await get('identity')
    const features = decode(plain.rawPayload, 'road_segments')
    expect(features.length).toBeGreaterThan(0)
    expect((await get('gzip;q=0, identity')).headers['content-encoding']).toBeUndefined()
    expect((await get('gzip;q=0')).headers['content-encoding']).toBeUndefined()
    const br = await get('gzip;q=0.5, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(decode(brotliDecompressSync(br.rawPayload), 'road_segments')).toEqual(features)
    const gz = await get('br;q=0.1, gzip;q=0.9')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(decode(gunzipSync(gz.rawPayload), 'road_segments')).toEqual(features)
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3)
    const refused = await get('identity;q=0, *;q=0')
    expect(refused.statusCode).toBe(406)
  })

  it('answers an empty tile 204 with no body', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/tiles/road_segments/12/0/0.mvt',
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(res.statusCode).toBe(204)
    expect(res.rawPayload.length).toBe(0)
    expect(res.headers['content-encoding']).toBeUndefined()
  })

  it('filters tiles with the same parameters as features.query', async () => {
    const url = `/tiles/road_segments/${center.z}/${center.x}/${center.y}.mvt?status=completed`
    const res = await app.inject({ method: 'GET', url })
    const features = decode(res.rawPayload, 'road_segments')
    expect(features.length).toBeGreaterThan(0)
    expect(new Set(features.map((f) => f.status))).toEqual(new Set(['completed']))
    const tj = await tileJson('road_segments', '?status=completed')
    expect(tj.tiles[0]).toMatch(/&status=completed$/)
  })

  it('an edit changes the TileJSON version and the next tile, with no purge', async () => {
    const before = await tileJson('road_segments')
    const first = await fetchTile(before.tiles[0] as string, center.z, center.x, center.y)
    const target = decode(gunzipSync(first.rawPayload), 'road_segments').find((f) => f.status !== 'suspended')
    // The server learns the new version from the layer notification; wait for it as a client would.
    await afterNotification(() => db.query("UPDATE road_segments SET status = 'suspended' WHERE id = $1", [target?.id]))
    const after = await tileJson('road_segments')
    expect(after.tiles[0]).not.toBe(before.tiles[0])
    const fresh = decode(
      gunzipSync((await fetchTile(after.tiles[0] as string, center.z, center.x, center.y)).rawPayload),
      'road_segments',
    )
    expect(fresh.find((f) => f.id === target?.id)?.status).toBe('suspended')
    // An old versioned URL keeps meaning that version's tile: it stays the same, and immutable.
    const old = await fetchTile(before.tiles[0] as string, center.z, center.x, center.y)
    expect(old.headers['cache-control']).toContain('immutable')
    // Same tile; its gzip bytes may differ (the first answer is a fast level-1 gzip, the kept copy is
    // recompressed at level 6 once rendered: docs/tiles.md).
    expect(gunzipSync(old.rawPayload).equals(gunzipSync(first.rawPayload))).toBe(true)
    // Unversioned, the tile is current and revalidated.
    const plain = await app.inject({
      method: 'GET',
      url: `/tiles/road_segments/${center.z}/${center.x}/${center.y}.mvt`,
    })
    expect(decode(plain.rawPayload, 'road_segments').find((f) => f.id === target?.id)?.status).toBe('suspended')
    expect(plain.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
  })
})

describe(`bad tile requests (${testBackend})`, () => {
  const cases: [string, number, string][] = [
    ['/tiles/users/1/0/0.mvt', 404, "No layer 'users'"],
    ["/tiles/road_segments'%3B--/1/0/0.mvt", 404, 'No layer'],
    ['/tiles/road_segments/23/0/0.mvt', 400, "'z'"],
    ['/tiles/road_segments/-1/0/0.mvt', 400, "'z'"],
    ['/tiles/road_segments/1e1/0/0.mvt', 400, "'z'"],
    ['/tiles/road_segments/NaN/0/0.mvt', 400, "'z'"],
    ['/tiles/road_segments/Infinity/0/0.mvt', 400, "'z'"],
    ['/tiles/road_segments/2/4/0.mvt', 400, "'x'"],
    ['/tiles/road_segments/2/0/4.mvt', 400, "'y'"],
    ['/tiles/road_segments/2/0/1.png', 400, "'y'"],
    ['/tiles/road_segments/2/0/99999999999999999999.mvt', 400, "'y'"],
    ['/tiles/road_segments/2/0/0.mvt?status=built', 400, "'status'"],
    ['/tiles/road_segments/2/0/0.mvt?kind=school', 400, "'kind'"],
    ['/tiles/road_segments/2/0/0.mvt?q=a&q=b', 400, "'q'"],
    ['/tiles/road_segments/2/0/0.mvt?v=1&v=2', 400, "'v'"],
    ['/tiles/road_segments/2/0/0.mvt?v=-1', 400, "'v'"],
    ['/tiles/road_segments/2/0/0.mvt?v=1;DROP', 400, "'v'"],
    [`/tiles/road_segments/2/0/0.mvt?q=${'x'.repeat(10_000)}`, 400, "'q'"],
    ['/tiles/road_segments/2/0/0.mvt?q=%00', 400, "'q'"],
    ['/tiles/road_segments/2/0/0.mvt?plannedFrom=2021-13-01', 400, "'plannedFrom'"],
    ['/tiles/road_segments/2/0/0.mvt?subDistrict=1%27%20OR%201%3D1', 400, "'subDistrict'"],
    ['/tiles/road_segments/2/0/0.mvt?subDistrict=410172999', 404, 'No sub-district'],
    ['/tiles/road_segments/2/0/0.mvt?renewalZone=%2F*%20*%2F', 404, 'No renewal zone'],
    ['/tiles/road_segments/2/0/0.mvt?layer=facilities', 400, "'layer'"],
    ['/tiles/nothing.json', 404, "No layer 'nothing'"],
    ['/tiles/road_segments.json?status=x', 400, "'status'"],
    ['/tiles/road_segments.xml', 404, 'No route'],
  ]
  it.each(cases.map(([url, status, text]) => [url.slice(0, 90), status, text, url] as const))(
    '%s → %i naming the problem',
    async (_label, status, text, url) => {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(status)
      const body = res.json() as { code: string; description: string }
      expect(body.description).toContain(text)
      expect(res.body).not.toMatch(/SELECT|ST_|at .*\.ts|node_modules/)
    },
  )

  it('serves a tile with unicode and SQL in the name search as an ordinary filter', async () => {
    for (const q of ["'; DROP TABLE roads; --", '科学%', '😀', '/* */']) {
      const res = await app.inject({
        method: 'GET',
        url: `/tiles/road_segments/12/3388/1621.mvt?q=${encodeURIComponent(q)}`,
      })
      expect([200, 204]).toContain(res.statusCode)
    }
  })
})

describe(`uncached tiles, version read in the tile statement (${testBackend})`, () => {
  let cold: FastifyInstance
  beforeAll(async () => {
    cold = Fastify({ logger: false })
    await cold.register(tileRoutes, { db, cacheBytes: 0 })
  })
  afterAll(async () => cold?.close())

  it('marks the current version immutable, an old one revalidated, and keeps a stable ETag', async () => {
    const center = tileAt(113.54, 34.8, 12)
    const path = `/tiles/road_segments/${center.z}/${center.x}/${center.y}.mvt`
    const version = new URL(
      ((await tileJson('road_segments')).tiles[0] as string).replace(/[{}]/g, ''),
    ).searchParams.get('v')
    const current = await cold.inject({
      method: 'GET',
      url: `${path}?v=${version}`,
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(current.headers['cache-control']).toContain('immutable')
    expect(decode(gunzipSync(current.rawPayload), 'road_segments').length).toBeGreaterThan(0)
    const stale = await cold.inject({
      method: 'GET',
      url: `${path}?v=${Number(version) - 1}`,
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(stale.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    // Rendered twice from scratch, the same tile gets the same ETag, so revalidation still works.
    expect(stale.headers.etag).toBe(current.headers.etag)
    const again = await cold.inject({
      method: 'GET',
      url: path,
      headers: { 'if-none-match': String(current.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })
})
