import { expect, test } from 'vitest'
import { holdsNoProgramme } from '@onemap/db/queries/seed'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { readSampleLayers } from './sample-layers.ts'
import { seedIfEmpty } from './seed.ts'
import { openSeededTestDatabase } from './testing.ts'

const TABLES = [
  'programme',
  'layer_sources',
  'zone_boundary',
  'sub_districts',
  'renewal_zones',
  'renewal_units',
  'roads',
  'road_segments',
  'facilities',
  'rivers',
  'water_bodies',
  'status_events',
] as const

async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const select = TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')
  const { rows } = await db.query<Record<string, number>>(`SELECT ${select}`)
  return rows[0] as Record<string, number>
}

test('seeding an already seeded database leaves it alone', async () => {
  const db = await openSeededTestDatabase()
  try {
    const before = await rowCounts(db)
    expect(before.road_segments).toBeGreaterThan(0)
    const result = await seedIfEmpty(db)
    expect(result.seeded).toBe(false)
    expect(await rowCounts(db)).toEqual(before)
  } finally {
    await db.close()
  }
})

test('a seed that fails midway leaves the database empty, and a later good seed succeeds', async () => {
  const db = await openTestDatabase()
  try {
    const layers = readSampleLayers()
    // A duplicated segment id passes validation but breaks the road_segments insert, after the
    // programme, the areas and the roads have already been written in the transaction.
    const first = layers.roadSegments.features[0]
    if (!first) throw new Error('no road segments in data/')
    const corrupt = {
      ...layers,
      roadSegments: { ...layers.roadSegments, features: [...layers.roadSegments.features, first] },
    }
    await expect(seedIfEmpty(db, { layers: corrupt })).rejects.toThrow(/road_segments.*road-segments\.geojson/)
    expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true)
    expect(await holdsNoProgramme(db)).toBe(true)

    const result = await seedIfEmpty(db)
    expect(result.seeded).toBe(true)
    const after = await rowCounts(db)
    expect(after.road_segments).toBe(layers.roadSegments.features.length)
    expect(after.status_events).toBe(layers.statusEvents.length)
  } finally {
    await db.close()
  }
})

test('a status event about an unknown item is refused before anything is written', async () => {
  const db = await openTestDatabase()
  try {
    const layers = readSampleLayers()
    const stray = {
      entity: 'facility' as const,
      entity_id: 'f-nowhere',
      from: null,
      to: 'planned',
      happened_on: '2021-01-01',
      note: null,
    }
    await expect(
      seedIfEmpty(db, { layers: { ...layers, statusEvents: [...layers.statusEvents, stray] } }),
    ).rejects.toThrow(/unknown facility 'f-nowhere'/)
    expect(await holdsNoProgramme(db)).toBe(true)
  } finally {
    await db.close()
  }
})
