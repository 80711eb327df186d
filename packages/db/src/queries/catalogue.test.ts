import { LAYERS, MAP_LAYER_IDS } from '@onemap/domain/layers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts'
import type { Database } from '../database.ts'
import { LAYER_SQL, layerStats } from './catalogue.ts'
import { queryFeatures } from './features.ts'
import { LAYER_FIXTURE_TEMPLATE } from '../testing/layer-fixture.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase(LAYER_FIXTURE_TEMPLATE)
})
afterAll(async () => db?.close())

describe('layer catalogue and its SQL', () => {
  it('maps every public field of every layer to a column, and tiles carry only public fields', () => {
    expect(Object.keys(LAYER_SQL).sort()).toEqual([...MAP_LAYER_IDS].sort())
    for (const layer of LAYERS) {
      expect(Object.keys(LAYER_SQL[layer.id].columns).sort(), layer.id).toEqual(layer.fields.map((f) => f.name).sort())
      for (const name of layer.tileFields)
        expect(
          layer.fields.map((f) => f.name),
          layer.id,
        ).toContain(name)
      expect(layer.fields[0]?.name, layer.id).toBe(layer.idField)
    }
  })

  it('returns exactly the public fields of each layer, never planner-only columns', async () => {
    for (const layer of LAYERS) {
      const fc = JSON.parse(await queryFeatures(db, layer, { filter: {}, limit: 10 }))
      expect(fc.features.length, layer.id).toBeGreaterThan(0)
      for (const f of fc.features) expect(Object.keys(f.properties), layer.id).toEqual(layer.fields.map((x) => x.name))
      expect(JSON.stringify(fc), layer.id).not.toMatch(/PRIVATE|updated_by/)
    }
  })
})

describe('layer stats', () => {
  it('counts and measures a layer once per version, and again after an edit moves it', async () => {
    // The same database, with its count/extent statements tallied (stats are cached per database object);
    // the versions statement runs on every call (it decides whether to count) and is not tallied.
    let recounts = 0
    const isVersions = (q: unknown) =>
      typeof q === 'object' && q !== null && 'name' in q && q.name === 'onemap_layer_stats_versions'
    const tallied: Database = {
      ...db,
      query: ((...args: Parameters<Database['query']>) => {
        if (!isVersions(args[0])) recounts++
        return db.query(...args)
      }) as Database['query'],
    }
    const first = await layerStats(tallied)
    expect(recounts).toBe(LAYERS.length)
    expect(first.find((s) => s.layer === 'facilities')?.count).toBeGreaterThan(0)
    recounts = 0
    expect(await layerStats(tallied)).toEqual(first)
    expect(recounts).toBe(0)
    await db.query(
      "INSERT INTO facilities (id, kind, name_zh, name_en, geom, status, updated_by) SELECT 'f-stats', kind, name_zh, name_en, ST_Translate(geom, 1, 1), status, 'test' FROM facilities LIMIT 1",
    )
    const after = await layerStats(tallied)
    expect(recounts).toBe(1)
    const [before, now] = [first, after].map((list) => list.find((s) => s.layer === 'facilities'))
    expect(now?.count).toBe((before?.count ?? 0) + 1)
    expect(now?.version).toBeGreaterThan(before?.version ?? 0)
    expect(now?.extent?.[2]).toBeGreaterThan(before?.extent?.[2] ?? 0)
    await db.query("DELETE FROM facilities WHERE id = 'f-stats'")
  })
})
