import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts'
import { layerStats, layerVersion } from './catalogue.ts'
import { getFeature, queryFeatures } from './features.ts'
import { missingAreas } from './filters.ts'
import { LAYER_FIXTURE_TEMPLATE } from '../testing/layer-fixture.ts'

const layer = (id: string) => findLayer(id) as LayerDefinition
interface Fc {
  features: { id: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[]
  nextCursor: string | null
}
const ids = (fc: Fc) => fc.features.map((f) => f.id)

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase(LAYER_FIXTURE_TEMPLATE)
})
afterAll(async () => db?.close())

async function query(id: string, q: Partial<Parameters<typeof queryFeatures>[2]> = {}): Promise<Fc> {
  return JSON.parse(await queryFeatures(db, layer(id), { filter: {}, limit: 100, ...q }))
}

describe('layer catalogue queries', () => {
  it('reports count, extent and a version that grows on every write', async () => {
    const stats = await layerStats(db)
    const roads = stats.find((s) => s.layer === 'road_segments')
    expect(roads?.count).toBe(3)
    expect(roads?.extent?.[0]).toBeCloseTo(113.52, 6)
    const before = await layerVersion(db, layer('road_segments'))
    // A road rename changes segment tiles too, so it must bump the segment layer's version.
    await db.query("UPDATE roads SET name_en = 'Kexue Avenue' WHERE id = 'kexue'")
    expect(await layerVersion(db, layer('road_segments'))).toBe(before + 1)
  })
})

describe('features.query', () => {
  it('builds a FeatureCollection with public fields only', async () => {
    const fc = await query('road_segments')
    expect(ids(fc)).toEqual(['s-1', 's-2', 's-3'])
    const first = fc.features[0]
    expect(first?.geometry.type).toBe('LineString')
    expect(first?.properties).toMatchObject({
      name_zh: '科学大道',
      class: 'arterial',
      red_line_width_m: 60,
      status: 'completed',
    })
    expect(JSON.stringify(fc)).not.toContain('PRIVATE')
    expect(Object.keys(first?.properties ?? {})).not.toContain('updated_by')
  })

  it('pages with a keyset cursor without skipping or repeating', async () => {
    const one = await query('road_segments', { limit: 2 })
    expect(ids(one)).toEqual(['s-1', 's-2'])
    expect(one.nextCursor).toBe('s-2')
    const two = await query('road_segments', { limit: 2, cursor: one.nextCursor ?? undefined })
    expect(ids(two)).toEqual(['s-3'])
    expect(two.nextCursor).toBeNull()
  })

  it('filters by status, class, kind and dates', async () => {
    expect(ids(await query('road_segments', { filter: { status: ['planned', 'completed'] } }))).toEqual(['s-1', 's-2'])
    expect(ids(await query('road_segments', { filter: { class: ['secondary'] } }))).toEqual(['s-2'])
    expect(ids(await query('facilities', { filter: { kind: ['hospital', 'school'] } }))).toEqual(['f-1', 'f-2'])
    // s-2 is planned for 2021, s-3 for 2020-09 … 2022-06; s-1 has no planned dates.
    expect(ids(await query('road_segments', { filter: { plannedFrom: '2022-01-01' } }))).toEqual(['s-3'])
    expect(
      ids(await query('road_segments', { filter: { plannedFrom: '2021-06-01', plannedTo: '2021-07-01' } })),
    ).toEqual(['s-2', 's-3'])
  })

  it('filters spatially by sub-district, renewal zone, unit and bbox', async () => {
    expect(ids(await query('facilities', { filter: { subDistrict: '410172560' } }))).toEqual(['f-1'])
    expect(ids(await query('road_segments', { filter: { subDistrict: '410172561' } }))).toEqual(['s-2'])
    // s-2 starts inside the southern zone but its midpoint lies in Wutong: counted once, there (places.ts).
    expect(ids(await query('road_segments', { filter: { renewalZone: 'rz-south' } }))).toEqual(['s-3'])
    expect(ids(await query('road_segments', { filter: { subDistrict: '410172560' } }))).toEqual([])
    expect(ids(await query('rivers', { filter: { renewalUnit: 'ru-1' } }))).toEqual([])
    expect(ids(await query('facilities', { bbox: [113.47, 34.83, 113.49, 34.84] }))).toEqual(['f-2'])
  })

  it('treats LIKE wildcards in a name search as text', async () => {
    expect(ids(await query('road_segments', { filter: { q: '100%_' } }))).toEqual(['s-3'])
    expect(ids(await query('road_segments', { filter: { q: '%' } }))).toEqual(['s-3'])
    expect(ids(await query('road_segments', { filter: { q: '_' } }))).toEqual(['s-3'])
    expect(ids(await query('road_segments', { filter: { q: '科学' } }))).toEqual(['s-1'])
    expect(ids(await query('road_segments', { filter: { q: "'; DROP TABLE roads; --" } }))).toEqual([])
  })

  it('names areas a filter refers to that do not exist', async () => {
    expect(await missingAreas(db, { subDistrict: '410172999', renewalUnit: 'ru-1' })).toEqual([
      { param: 'subDistrict', message: "No sub-district with code '410172999'" },
    ])
  })
})

describe('features.get', () => {
  it('returns one feature with its public status history', async () => {
    const text = await getFeature(db, layer('road_segments'), 's-1')
    const feature = JSON.parse(text ?? 'null')
    expect(feature.properties.name_en).toBe('Kexue Avenue')
    expect(feature.history).toEqual([
      { from: null, to: 'planned', happened_on: '2020-08-02', kind: 'seed' },
      { from: 'planned', to: 'under_construction', happened_on: '2021-03-01', kind: 'edit' },
      { from: 'under_construction', to: 'completed', happened_on: '2022-05-01', kind: 'edit' },
    ])
    expect(text).not.toContain('PRIVATE')
  })

  it('returns null for an unknown id and keeps river notes private', async () => {
    expect(await getFeature(db, layer('facilities'), 'nope')).toBeNull()
    const river = await getFeature(db, layer('rivers'), 'rv-1')
    expect(river).toContain('贾鲁河')
    expect(river).not.toContain('PRIVATE')
  })
})
