import type { Database } from '@onemap/db/database'
import { testBackend } from '@onemap/db/testing'
import { transformPosition } from '@onemap/geo/crs'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'

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

const EPSG = (code: number) => `http://www.opengis.net/def/crs/EPSG/0/${code}`
interface Link {
  rel: string
  href: string
}
interface Items {
  numberMatched: number
  numberReturned: number
  links: Link[]
  features: { id: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[]
}

async function get(url: string) {
  return app.inject({ method: 'GET', url })
}
async function items(url: string): Promise<Items> {
  const res = await get(url)
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  return res.json() as Items
}

describe(`OGC API Features (${testBackend})`, () => {
  it('serves landing page, conformance and every collection with extent and CRS list', async () => {
    const landing = (await get('/ogc')).json() as { links: Link[] }
    expect(landing.links.map((l) => l.rel)).toEqual(expect.arrayContaining(['self', 'conformance', 'data']))
    const conf = (await get('/ogc/conformance')).json() as { conformsTo: string[] }
    expect(conf.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs')
    const cols = (await get('/ogc/collections')).json() as {
      collections: { id: string; crs: string[]; storageCrs: string }[]
    }
    expect(cols.collections.map((c) => c.id)).toContain('road_segments')
    const one = (await get('/ogc/collections/facilities')).json() as {
      crs: string[]
      storageCrs: string
      extent: unknown
    }
    expect(one.storageCrs).toBe(EPSG(4490))
    expect(one.crs).toEqual(expect.arrayContaining([EPSG(4547), EPSG(3857), EPSG(4326), EPSG(4490)]))
  })

  it('pages items with limit, offset and next links until numberMatched', async () => {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM road_segments')
    const total = rows[0]?.n ?? 0
    expect(total).toBeGreaterThan(100)
    const first = await items('/ogc/collections/road_segments/items')
    expect(first.numberReturned).toBe(100)
    expect(first.numberMatched).toBe(total)
    const seen = new Set(first.features.map((f) => f.id))
    let next = first.links.find((l) => l.rel === 'next')
    while (next) {
      const url = new URL(next.href)
      const page = await items(url.pathname + url.search)
      for (const f of page.features) seen.add(f.id)
      next = page.links.find((l) => l.rel === 'next')
    }
    expect(seen.size).toBe(total)
    const capped = await items('/ogc/collections/road_segments/items?limit=99999999')
    expect(capped.numberReturned).toBe(total) // above the maximum means the maximum, not an error
  })

  it('serves EPSG:4326/4490 as lat,lon, EPSG:4547 as northing,easting and says so in Content-Crs', async () => {
    const base = '/ogc/collections/facilities/items?limit=1'
    const crs84 = await items(base)
    const [lon, lat] = crs84.features[0]!.geometry.coordinates as [number, number]
    for (const code of [4326, 4490]) {
      const res = await get(`${base}&crs=${encodeURIComponent(EPSG(code))}`)
      expect(res.headers['content-crs']).toBe(`<${EPSG(code)}>`)
      expect((res.json() as Items).features[0]?.geometry.coordinates).toEqual([lat, lon])
    }
    const gk = await items(`${base}&crs=${encodeURIComponent(EPSG(4547))}`)
    const [northing, easting] = gk.features[0]!.geometry.coordinates as [number, number]
    const [e, n] = transformPosition('EPSG:4490', 'EPSG:4547', [lon, lat])
    expect(Math.abs(easting - e)).toBeLessThan(0.05)
    expect(Math.abs(northing - n)).toBeLessThan(0.05)
    const merc = await items(`${base}&crs=${encodeURIComponent(EPSG(3857))}`)
    const [mx] = merc.features[0]!.geometry.coordinates as [number, number]
    expect(Math.abs(mx - transformPosition('EPSG:4490', 'EPSG:3857', [lon, lat])[0])).toBeLessThan(0.05)
  })

  it('reads bbox in the axis order of bbox-crs and filters by property', async () => {
    const box = [113.5, 34.79, 113.56, 34.82]
    const plain = await items(`/ogc/collections/facilities/items?bbox=${box.join(',')}`)
    const latLon = [box[1], box[0], box[3], box[2]].join(',')
    const flipped = await items(
      `/ogc/collections/facilities/items?bbox=${latLon}&bbox-crs=${encodeURIComponent(EPSG(4326))}`,
    )
    expect(flipped.features.map((f) => f.id)).toEqual(plain.features.map((f) => f.id))
    expect(plain.numberMatched).toBeGreaterThan(0)
    const [w, s] = transformPosition('EPSG:4490', 'EPSG:4547', [box[0] as number, box[1] as number])
    const [e, n] = transformPosition('EPSG:4490', 'EPSG:4547', [box[2] as number, box[3] as number])
    const gk = await items(
      `/ogc/collections/facilities/items?bbox=${[s, w, n, e].join(',')}&bbox-crs=${encodeURIComponent(EPSG(4547))}`,
    )
    expect(gk.features.map((f) => f.id)).toEqual(plain.features.map((f) => f.id))
    const done = await items('/ogc/collections/road_segments/items?status=completed&limit=10000')
    expect(done.numberMatched).toBeGreaterThan(0)
    expect(new Set(done.features.map((f) => f.properties.status))).toEqual(new Set(['completed']))
  })

  it('a bbox page holds exactly what ST_Intersects finds, also a line lying a hair outside the box', async () => {
    // A level line 1e-7° (about 1 cm) south of the box: its float4 index box rounds into the box's,
    // so only the exact test may decide (the containment shortcut works on a shrunk box).
    const y = 34.8012345
    const { rows } = await db.query<{ id: string }>('SELECT id FROM roads ORDER BY id LIMIT 1')
    await db.query(
      `INSERT INTO road_segments (id, road_id, geom, status, updated_by)
       VALUES ('bbox-edge-test', $1, ST_MakeLine(ST_Point(113.6001, $2, 4490), ST_Point(113.6051, $2, 4490)), 'planned', 'test')`,
      [rows[0]?.id, y],
    )
    try {
      const boxes = [
        [113.6, y + 1e-7, 113.61, y + 0.01],
        [113.6, y, 113.61, y + 0.01],
        [113.6002, y - 0.01, 113.605, y + 0.01],
        [113.5, 34.79, 113.56, 34.82],
        [113.52, 34.8, 113.6, 34.805],
      ] as const
      for (const box of boxes) {
        const page = await items(`/ogc/collections/road_segments/items?limit=10000&bbox=${box.join(',')}`)
        const exact = await db.query<{ id: string }>(
          `SELECT id FROM road_segments WHERE ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4490)) ORDER BY id`,
          [...box],
        )
        expect(
          page.features.map((f) => f.id),
          box.join(','),
        ).toEqual(exact.rows.map((r) => r.id))
        expect(page.numberMatched).toBe(exact.rows.length)
      }
      const above = await items(`/ogc/collections/road_segments/items?bbox=${boxes[0].join(',')}`)
      expect(above.features.map((f) => f.id)).not.toContain('bbox-edge-test')
      const touching = await items(`/ogc/collections/road_segments/items?bbox=${boxes[1].join(',')}`)
      expect(touching.features.map((f) => f.id)).toContain('bbox-edge-test')
    } finally {
      await db.query(`DELETE FROM road_segments WHERE id = 'bbox-edge-test'`)
    }
  })

  it('writes RFC 7946 geometries (no crs member) in every CRS and selects fields with properties=', async () => {
    for (const crs of ['', `&crs=${encodeURIComponent(EPSG(4547))}`, `&crs=${encodeURIComponent(EPSG(3857))}`]) {
      const res = await get(`/ogc/collections/road_segments/items?limit=5${crs}`)
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain('"crs"')
    }
    const some = await items('/ogc/collections/road_segments/items?limit=5&properties=status,name_en')
    expect(some.features.length).toBe(5)
    for (const f of some.features) expect(Object.keys(f.properties)).toEqual(['status', 'name_en'])
    const none = await items('/ogc/collections/road_segments/items?limit=2&properties=')
    for (const f of none.features) expect(f.properties).toEqual({})
    const [first] = some.features
    const one = await get(
      `/ogc/collections/road_segments/items/${encodeURIComponent(String(first?.id))}?properties=status`,
    )
    expect((one.json() as { properties: object }).properties).toEqual({ status: first?.properties.status })
  })

  it('serves one item, and 404 naming an unknown item or collection', async () => {
    const [first] = (await items('/ogc/collections/facilities/items?limit=1')).features
    const one = await get(`/ogc/collections/facilities/items/${encodeURIComponent(first?.id ?? '')}`)
    expect(one.statusCode).toBe(200)
    expect((one.json() as { id: string }).id).toBe(first?.id)
    expect(one.body).not.toMatch(/updated_by|PRIVATE/)
    const missing = await get("/ogc/collections/facilities/items/nope'--")
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({
      code: 'NotFound',
      description: "No feature with id 'nope'--' in collection 'facilities'",
    })
    expect((await get('/ogc/collections/users/items')).json()).toEqual({
      code: 'NotFound',
      description: "No collection 'users'",
    })
  })
})

describe(`bad OGC requests (${testBackend})`, () => {
  const items = '/ogc/collections/facilities/items'
  const cases: [string, string][] = [
    [`${items}?bogus=1`, 'bogus'],
    [`${items}?limit=0`, 'limit'],
    [`${items}?limit=-5`, 'limit'],
    [`${items}?limit=1.5`, 'limit'],
    [`${items}?limit=NaN`, 'limit'],
    [`${items}?limit=1&limit=2`, 'limit'],
    [`${items}?offset=-1`, 'offset'],
    [`${items}?offset=Infinity`, 'offset'],
    [`${items}?offset=99999999999999`, 'offset'],
    [`${items}?bbox=1,2,3`, 'bbox'],
    [`${items}?bbox=1,2,3,NaN`, 'bbox'],
    [`${items}?bbox=1,2,3,Infinity`, 'bbox'],
    [`${items}?bbox=1,2,3,1e999`, 'bbox'],
    [`${items}?bbox=113,34,112,35`, 'bbox'],
    [`${items}?bbox=113,95,114,96`, 'bbox'],
    [`${items}?bbox=1;DROP TABLE roads,2,3,4`, 'bbox'],
    [`${items}?bbox-crs=${encodeURIComponent(EPSG(4326))}`, 'bbox-crs'],
    [`${items}?crs=EPSG:4326`, 'crs'],
    [`${items}?crs=constructor`, 'crs'],
    [`${items}?bbox-crs=__proto__&bbox=1,2,3,4`, 'bbox-crs'],
    [`${items}?properties=status,updated_by`, 'updated_by'],
    [`${items}?crs=${encodeURIComponent(EPSG(2000))}`, 'crs'],
    [`${items}?crs=${'x'.repeat(10_000)}`, 'crs'],
    [`${items}?f=html`, "'f'"],
    [`${items}?status=${'x'.repeat(10_000)}`, 'status'],
    [`${items}?status=a%00b`, 'status'],
    [`${items}?status=a&status=b`, 'status'],
    [`${items}?datetime=yesterday`, 'datetime'],
    ['/ogc/collections?limit=1', 'limit'],
    ['/ogc/conformance?f=xml', "'f'"],
  ]
  it.each(cases.map(([url, param]) => [url.slice(0, 100), param, url] as const))(
    '%s → 400 naming %s',
    async (_l, param, url) => {
      const res = await get(url)
      expect(res.statusCode).toBe(400)
      const body = res.json() as { code: string; description: string }
      expect(body.code).toBe('InvalidParameterValue')
      expect(body.description).toContain(param)
      expect(res.body).not.toMatch(/SELECT|ST_|at .*\.ts|node_modules/)
    },
  )

  it('matches SQL and unicode in a property value as plain text', async () => {
    for (const value of ["' OR '1'='1", '学校; --', '😀']) {
      const page = await get(`${items}?name_zh=${encodeURIComponent(value)}`)
      expect(page.statusCode).toBe(200)
      expect((page.json() as Items).numberMatched).toBe(0)
    }
  })
})
