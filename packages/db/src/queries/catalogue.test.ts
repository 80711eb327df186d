import { LAYERS, MAP_LAYER_IDS } from '@onemap/domain/layers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts'
import { LAYER_SQL } from './catalogue.ts'
import { queryFeatures } from './features.ts'
import { loadLayerFixture } from './layer-fixture.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase({ template: 'layer-fixture-v1', prepare: loadLayerFixture })
})
afterAll(async () => db?.close())

describe('layer catalogue and its SQL', () => {
  it('maps every public field of every layer to a column, and tiles carry only public fields', () => {
    expect(Object.keys(LAYER_SQL).sort()).toEqual([...MAP_LAYER_IDS].sort())
    for (const layer of LAYERS) {
      expect(Object.keys(LAYER_SQL[layer.id].columns).sort(), layer.id).toEqual(layer.fields.map((f) => f.name).sort())
      for (const name of layer.tileFields) expect(layer.fields.map((f) => f.name), layer.id).toContain(name)
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
