import { VectorTile } from '@mapbox/vector-tile'
import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import type { RoadClass } from '@onemap/domain/statuses'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/test-database.ts'
import { segmentMinZoom } from './tile-selection.ts'
import { renderVersionedTile, TRUNCATED_LAYER, type TileEncoder } from './tiles.ts'

const roads = findLayer('road_segments') as LayerDefinition
/** A dense block of 0.012° × 0.012° (about 1.1 × 1.3 km) holding more segments than BUDGET per tile at z ≤ 16. */
const WEST = 113.47
const SOUTH = 34.79
const SIZE = 0.012 // inside one z13 tile, so the z13 case below sees the whole block
const STREETS = 40
const PER_STREET = 40
const BUDGET = 150

/** Tile x/y range covering the dense block at zoom z. */
function tilesOver(z: number): { z: number; x: number; y: number }[] {
  const n = 2 ** z
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n)
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
  }
  const out = []
  for (let x = tx(WEST); x <= tx(WEST + SIZE); x++)
    for (let y = ty(SOUTH + SIZE); y <= ty(SOUTH); y++) out.push({ z, x, y })
  return out
}

function layerOf(mvt: Buffer, name: string) {
  return mvt.length === 0 ? undefined : new VectorTile(new PbfReader(mvt)).layers[name]
}

let db: TestDatabase
const classOf = new Map<string, RoadClass>()
beforeAll(async () => {
  db = await openTestDatabase()
  // East–west streets cut into equal segments; classes cycle, every third street is outside the programme.
  await db.query(
    `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m)
     SELECT 'dense-' || s, '密路' || s, 'Dense ' || s, (ARRAY['expressway', 'arterial', 'secondary', 'branch'])[1 + s % 4], 20
       FROM generate_series(0, $1::int - 1) s`,
    [STREETS],
  )
  await db.query(
    `INSERT INTO road_segments (id, road_id, geom, status, in_programme, updated_by)
     SELECT 'dense-' || s || '-' || k, 'dense-' || s,
            ST_MakeLine(ST_Point($3::float8 + $5::float8 * k / $2, $4::float8 + $5::float8 * (s + 0.5) / $1, 4490),
                        ST_Point($3::float8 + $5::float8 * (k + 1) / $2, $4::float8 + $5::float8 * (s + 0.5) / $1, 4490)),
            'planned', s % 3 <> 0, 'test'
       FROM generate_series(0, $1::int - 1) s, generate_series(0, $2::int - 1) k`,
    [STREETS, PER_STREET, WEST, SOUTH, SIZE],
  )
  const { rows } = await db.query<{ id: string; class: RoadClass }>(
    "SELECT s.id, r.class FROM road_segments s JOIN roads r ON r.id = s.road_id WHERE s.id LIKE 'dense-%'",
  )
  for (const r of rows) classOf.set(r.id, r.class)
})
afterAll(async () => db?.close())

const encoders: TileEncoder[] = testBackend === 'server' ? ['node', 'postgis'] : ['node']

describe.each(encoders)('per-zoom selection and the tile budget (%s)', (encoder) => {
  it('shows every dense segment in some tile of its zoom range, never below it, and flags every cut tile', async () => {
    const seen = new Set<string>()
    for (let z = 9; z <= 18; z++) {
      for (const tile of tilesOver(z)) {
        const rendered = await renderVersionedTile(db, roads, tile, {}, { encoder, budget: BUDGET })
        const features = layerOf(rendered.mvt, 'road_segments')
        const ids: string[] = []
        for (let i = 0; i < (features?.length ?? 0); i++) ids.push(String(features?.feature(i).properties.id))
        const dense = ids.filter((id) => classOf.has(id))
        expect(ids.length, `z${z}`).toBeLessThanOrEqual(BUDGET)
        for (const id of dense) {
          expect(segmentMinZoom(classOf.get(id) as RoadClass), `${id} at z${z}`).toBeLessThanOrEqual(z)
          seen.add(id)
        }
        // A cut tile is full and carries the marker; an uncut one has no marker.
        const marker = layerOf(rendered.mvt, TRUNCATED_LAYER)
        expect(Boolean(marker), `marker z${z}`).toBe(rendered.truncated)
        if (rendered.truncated) {
          expect(ids.length).toBe(BUDGET)
          expect(marker?.feature(0).properties).toEqual({ layer: 'road_segments', budget: BUDGET })
        }
      }
    }
    expect([...classOf.keys()].filter((id) => !seen.has(id))).toEqual([])
  })

  it('fills a cut tile with programme items and higher classes first', async () => {
    const [tile] = tilesOver(13)
    const rendered = await renderVersionedTile(
      db,
      roads,
      tile as { z: number; x: number; y: number },
      {},
      { encoder, budget: BUDGET },
    )
    expect(rendered.truncated).toBe(true)
    const features = layerOf(rendered.mvt, 'road_segments')
    const kept = Array.from({ length: features?.length ?? 0 }, (_, i) => features?.feature(i).properties ?? {})
    // The 6 programme expressways (streets 4, 8, 16, 20, 28, 32) alone hold 240 segments, more than
    // the budget: nothing outside the programme and no lower class is kept.
    expect(kept).toHaveLength(BUDGET)
    expect(kept.every((p) => p.in_programme === true && p.class === 'expressway')).toBe(true)
  })
})
