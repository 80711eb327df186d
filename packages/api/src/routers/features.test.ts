import { LAYER_FIXTURE_TEMPLATE } from '@onemap/db/testing/layer-fixture'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { LAYERS } from '@onemap/domain/layers'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext } from '../context.ts'
import { createCaller } from '../root.ts'

let db: TestDatabase
let caller: ReturnType<typeof createCaller>
beforeAll(async () => {
  db = await openTestDatabase(LAYER_FIXTURE_TEMPLATE)
  caller = createCaller(createContext(db))
})
afterAll(async () => db?.close())

/** The tRPC error a call fails with (the test fails if it succeeds). */
async function failure(call: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await call()
  } catch (err) {
    if (err instanceof TRPCError) return err
    throw err
  }
  throw new Error('expected the call to fail')
}

describe('layers.list', () => {
  it('lists every catalogue layer with count, extent, version and a versioned tile URL', async () => {
    const list = await caller.layers.list()
    expect(list.map((l) => l.id)).toEqual(LAYERS.map((l) => l.id))
    const roads = list.find((l) => l.id === 'road_segments')
    expect(roads).toMatchObject({ count: 3, geometryType: 'LineString', legendField: 'status' })
    expect(roads?.tiles).toBe(`/tiles/road_segments/{z}/{x}/{y}.mvt?v=${roads?.version}`)
    expect(roads?.fields.map((f) => f.name)).not.toContain('updated_by')
    expect(roads?.legend.map((e) => e.value)).toEqual(['planned', 'under_construction', 'completed', 'suspended'])
  })

  it('says which layers hold sample data, so the UI can label them', async () => {
    await db.query(`INSERT INTO layer_sources (layer, is_sample, source) VALUES ('facilities', true, 'data/facilities.geojson sample')
                    ON CONFLICT (layer) DO UPDATE SET is_sample = true, source = EXCLUDED.source`)
    await db.query(`INSERT INTO layer_sources (layer, is_sample, source) VALUES ('rivers', false, 'import of rivers.zip')
                    ON CONFLICT (layer) DO UPDATE SET is_sample = false, source = EXCLUDED.source`)
    const list = await caller.layers.list()
    expect(list.find((l) => l.id === 'facilities')).toMatchObject({
      isSample: true,
      source: 'data/facilities.geojson sample',
    })
    expect(list.find((l) => l.id === 'rivers')).toMatchObject({ isSample: false, source: 'import of rivers.zip' })
  })
})

describe('features.query', () => {
  it('returns a FeatureCollection page with a cursor', async () => {
    const page = await caller.features.query({ layer: 'facilities', limit: 2 })
    expect(page.type).toBe('FeatureCollection')
    expect(page.features.map((f) => f.id)).toEqual(['f-1', 'f-2'])
    expect(page.nextCursor).toBe('f-2')
    const rest = await caller.features.query({ layer: 'facilities', limit: 2, cursor: 'f-2' })
    expect(rest.features.map((f) => f.id)).toEqual(['f-3'])
  })

  it('filters and refuses filters a layer lacks, naming the parameter', async () => {
    const page = await caller.features.query({ layer: 'road_segments', filter: { status: ['planned'], q: '长椿' } })
    expect(page.features.map((f) => f.id)).toEqual(['s-2'])
    const kind = await failure(() => caller.features.query({ layer: 'road_segments', filter: { kind: ['school'] } }))
    expect(kind.code).toBe('BAD_REQUEST')
    expect(kind.message).toContain('filter.kind')
    const status = await failure(() =>
      caller.features.query({ layer: 'facilities', filter: { status: ['under_construction'] } }),
    )
    expect(status.message).toContain("unknown status 'under_construction'")
    const area = await failure(() => caller.features.query({ layer: 'facilities', filter: { renewalZone: 'nowhere' } }))
    expect(area.code).toBe('NOT_FOUND')
    expect(area.message).toContain("No renewal zone with id 'nowhere'")
  })

  const bad: [string, unknown][] = [
    ['layer', { layer: 'users' }],
    ['layer', { layer: "road_segments'; DROP TABLE roads; --" }],
    ['layer', { layer: ['road_segments', 'road_segments'] }],
    ['limit', { layer: 'facilities', limit: 5001 }],
    ['limit', { layer: 'facilities', limit: -1 }],
    ['limit', { layer: 'facilities', limit: Number.NaN }],
    ['limit', { layer: 'facilities', limit: Number.POSITIVE_INFINITY }],
    ['limit', { layer: 'facilities', limit: 1.5 }],
    ['limit', { layer: 'facilities', limit: '10' }],
    ['bbox', { layer: 'facilities', bbox: [113, 34, 112, 35] }],
    ['bbox', { layer: 'facilities', bbox: [113, 34, 114] }],
    ['bbox', { layer: 'facilities', bbox: [113, 34, 114, 1e308] }],
    ['cursor', { layer: 'facilities', cursor: 'x'.repeat(10_000) }],
    ['cursor', { layer: 'facilities', cursor: ['a'] }],
    ['filter', { layer: 'facilities', filter: { status: 'planned' } }],
    ['filter', { layer: 'facilities', filter: { q: 'x'.repeat(10_000) } }],
    ['filter', { layer: 'facilities', filter: { subDistrict: "410172560' OR 1=1 --" } }],
    ['filter', { layer: 'facilities', filter: { plannedFrom: '2021-02-30' } }],
    ['filter', { layer: 'facilities', filter: { plannedFrom: '2022-01-01', plannedTo: '2021-01-01' } }],
    ['filter', { layer: 'facilities', filter: { unknown: 1 } }],
    ['extra', { layer: 'facilities', extra: 1 }],
    ['cursor', { layer: 'facilities', cursor: 'a\u0000b' }],
    ['filter', { layer: 'facilities', filter: { q: 'a\u0000b' } }],
  ]
  it.each(bad)('rejects a bad %s with BAD_REQUEST naming it', async (param, input) => {
    const err = await failure(() => caller.features.query(input as never))
    expect(err.code).toBe('BAD_REQUEST')
    expect(err.message).toContain(param)
    expect(err.message).not.toMatch(/SELECT|postgres|at .*\.ts/)
  })

  it('finds nothing, and breaks nothing, with SQL and unicode in a name search', async () => {
    for (const q of ["'; DELETE FROM facilities; --", '/* */', 'a\u2028b', '😀', '\\']) {
      const page = await caller.features.query({ layer: 'facilities', filter: { q } })
      expect(page.features).toEqual([])
    }
    expect((await caller.features.query({ layer: 'facilities' })).features).toHaveLength(3)
  })
})

describe('features.get', () => {
  it('returns the feature with public history, or NOT_FOUND naming id and layer', async () => {
    const road = await caller.features.get({ layer: 'road_segments', id: 's-1' })
    expect(road.history.map((h) => h.to)).toEqual(['planned', 'under_construction', 'completed'])
    expect(JSON.stringify(road)).not.toContain('PRIVATE')
    const err = await failure(() => caller.features.get({ layer: 'road_segments', id: "s-1' OR '1'='1" }))
    expect(err.code).toBe('NOT_FOUND')
    expect(err.message).toBe("No feature with id 's-1' OR '1'='1' in layer 'road_segments'")
    expect((await failure(() => caller.features.get({ layer: 'road_segments', id: '' }))).code).toBe('BAD_REQUEST')
  })
})
