import { VectorTile } from '@mapbox/vector-tile'
import { findLayer, LAYERS, type LayerDefinition } from '@onemap/domain/layers'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/test-database.ts'
import { LAYER_FIXTURE_TEMPLATE } from '../testing/layer-fixture.ts'
import { layerVersion } from './catalogue.ts'
import { renderTile, renderVersionedTile, type TileAddress, type TileEncoder } from './tiles.ts'

const layer = (id: string) => findLayer(id) as LayerDefinition

/** Tile of a lon/lat at zoom z (slippy-map scheme). */
function tileAt(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z
  const x = Math.floor(((lon + 180) / 360) * n)
  const r = (lat * Math.PI) / 180
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
  return { z, x, y }
}

interface Decoded {
  type: number
  properties: Record<string, unknown>
  rings: { x: number; y: number }[][]
}
function decode(buf: Buffer, name: string): Decoded[] {
  if (buf.length === 0) return []
  const tile = new VectorTile(new PbfReader(buf))
  const l = tile.layers[name]
  if (!l) return []
  expect(l.extent).toBe(4096)
  const out: Decoded[] = []
  for (let i = 0; i < l.length; i++) {
    const f = l.feature(i)
    out.push({ type: f.type, properties: f.properties, rings: f.loadGeometry() })
  }
  return out.sort((a, b) =>
    String(a.properties.id ?? a.properties.code).localeCompare(String(b.properties.id ?? b.properties.code)),
  )
}

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase(LAYER_FIXTURE_TEMPLATE)
})
afterAll(async () => db?.close())

const encoders: TileEncoder[] = testBackend === 'server' ? ['node', 'postgis'] : ['node']

describe.each(encoders)('vector tiles encoded by %s', (encoder) => {
  it('carries the map properties of every feature in the tile and nothing planner-only', async () => {
    const features = decode(
      await renderTile(db, layer('road_segments'), tileAt(113.54, 34.8, 12), {}, encoder),
      'road_segments',
    )
    expect(features.map((f) => f.properties.id)).toEqual(['s-1', 's-2', 's-3'])
    expect(features[0]?.type).toBe(2)
    expect(features[0]?.properties).toEqual({
      id: 's-1',
      road_id: 'kexue',
      name_zh: '科学大道',
      name_en: 'Kexue Avenue',
      class: 'arterial',
      status: 'completed',
      in_programme: true,
    })
  })

  it('applies filters and returns an empty tile far from any feature', async () => {
    const t = tileAt(113.54, 34.8, 12)
    const planned = decode(
      await renderTile(db, layer('road_segments'), t, { status: ['planned'] }, encoder),
      'road_segments',
    )
    expect(planned.map((f) => f.properties.id)).toEqual(['s-2'])
    // The class is read from the segment, a name search from the joined road.
    const secondary = decode(
      await renderTile(db, layer('road_segments'), t, { class: ['secondary'] }, encoder),
      'road_segments',
    )
    expect(secondary.map((f) => f.properties.id)).toEqual(['s-2'])
    const named = decode(await renderTile(db, layer('road_segments'), t, { q: 'Kexue' }, encoder), 'road_segments')
    expect(named.map((f) => f.properties.id)).toEqual(['s-1'])
    expect((await renderTile(db, layer('road_segments'), { z: 12, x: 0, y: 0 }, {}, encoder)).length).toBe(0)
  })

  it('reads the layer version in the tile statement, also for an empty tile, and sees a rename bump it', async () => {
    const t = tileAt(113.54, 34.8, 12)
    const before = await renderVersionedTile(db, layer('road_segments'), t, {}, encoder)
    expect(before.version).toBe(await layerVersion(db, layer('road_segments')))
    const empty = await renderVersionedTile(db, layer('road_segments'), { z: 12, x: 0, y: 0 }, {}, encoder)
    expect(empty).toEqual({ mvt: Buffer.alloc(0), version: before.version, truncated: false })
    // A road rename bumps the roads table, one of the segment layer's version sources.
    await db.query("UPDATE roads SET name_en = 'Kexue Ave.' WHERE id = 'kexue'")
    const after = await renderVersionedTile(db, layer('road_segments'), t, {}, encoder)
    expect(after.version).toBe(before.version + 1)
    expect(decode(after.mvt, 'road_segments')[0]?.properties.name_en).toBe('Kexue Ave.')
    await db.query("UPDATE roads SET name_en = 'Kexue Avenue' WHERE id = 'kexue'")
  })

  it('places a point where it is and makes polygon exteriors positive-area', async () => {
    const t = tileAt(113.5512345, 34.7956789, 16)
    const [school] = decode(await renderTile(db, layer('facilities'), t, {}, encoder), 'facilities')
    expect(school?.properties.id).toBe('f-3')
    const n = 2 ** 16
    const px = (((113.5512345 + 180) / 360) * n - t.x) * 4096
    expect(Math.abs((school?.rings[0]?.[0]?.x ?? 0) - px)).toBeLessThanOrEqual(1)
    const lake = decode(
      await renderTile(db, layer('water_bodies'), tileAt(113.477, 34.816, 13), {}, encoder),
      'water_bodies',
    )
    expect(lake).toHaveLength(1)
    expect(lake[0]?.rings).toHaveLength(2) // exterior and the island hole
    expect(signedArea(lake[0]?.rings[0] ?? [])).toBeGreaterThan(0)
    expect(signedArea(lake[0]?.rings[1] ?? [])).toBeLessThan(0)
  })
})

/** Surveyor's formula in tile coordinates (y down): MVT exterior rings are positive. */
function signedArea(ring: { x: number; y: number }[]): number {
  let sum = 0
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as { x: number; y: number }
    const b = ring[(i + 1) % ring.length] as { x: number; y: number }
    sum += a.x * b.y - b.x * a.y
  }
  return sum / 2
}

// Only the server has ST_AsMVT; on embedded PGlite calling it would kill the connection.
if (testBackend === 'server')
  describe('both encoders on one database', () => {
    it('find the same features and properties in every layer at several zooms', async () => {
      for (const def of LAYERS) {
        for (const z of [10, 13, 15]) {
          const t = tileAt(113.536, 34.81, z)
          const node = decode(await renderTile(db, def, t, {}, 'node'), def.id)
          const postgis = decode(await renderTile(db, def, t, {}, 'postgis'), def.id)
          expect(
            node.map((f) => f.properties),
            `${def.id} z${z}`,
          ).toEqual(postgis.map((f) => f.properties))
          expect(node.map((f) => f.type)).toEqual(postgis.map((f) => f.type))
        }
      }
    })
  })
