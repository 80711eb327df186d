import { ZONE_BOUNDS, ZONE_SURROUNDINGS, type LonLatBounds } from '@onemap/domain/zone'
import { expect, test } from 'vitest'
import { readSampleLayers } from './sample-layers.ts'

/** Every [lon, lat] of a GeoJSON coordinates array, however deeply nested. */
const positions = (coords: unknown): [number, number][] =>
  typeof (coords as unknown[])[0] === 'number' ? [coords as [number, number]] : (coords as unknown[]).flatMap(positions)

const inside = ([lon, lat]: [number, number], [w, s, e, n]: LonLatBounds) =>
  lon >= w && lon <= e && lat >= s && lat <= n

test('ZONE_BOUNDS holds the sample zone boundary to within 1 km, and ZONE_SURROUNDINGS every sample feature', () => {
  const layers = readSampleLayers()
  const zone = layers.zoneBoundary.features.flatMap((f) => positions(f.geometry.coordinates))
  const margin = 0.01 // ≈ 1 km: ZONE_BOUNDS is an estimate of the extent, the boundary a digitised sample
  const [w, s, e, n] = ZONE_BOUNDS
  for (const p of zone) expect(inside(p, [w - margin, s - margin, e + margin, n + margin]), String(p)).toBe(true)
  expect(Math.min(...zone.map((p) => p[0]))).toBeLessThan(w + margin)
  expect(Math.max(...zone.map((p) => p[0]))).toBeGreaterThan(e - margin)
  for (const layer of [layers.roadSegments, layers.facilities, layers.rivers, layers.waterBodies]) {
    for (const f of layer.features)
      for (const p of positions(f.geometry.coordinates))
        expect(inside(p, ZONE_SURROUNDINGS), f.properties.id).toBe(true)
  }
})
