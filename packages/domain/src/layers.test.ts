import { describe, expect, it } from 'vitest'
import { findLayer, layersFedBy, versionFromTables } from './layers.ts'

describe('layer versions from table versions', () => {
  it('maps a written table to the layers it feeds: roads feeds road_segments, whose tiles carry road names', () => {
    expect(layersFedBy('roads').map((l) => l.id)).toEqual(['road_segments'])
    expect(layersFedBy('road_segments').map((l) => l.id)).toEqual(['road_segments'])
    expect(layersFedBy('rivers').map((l) => l.id)).toEqual(['rivers'])
    expect(layersFedBy('status_events')).toEqual([])
  })

  it('sums the versions of a layer’s tables, and knows none while one is missing', () => {
    const tables = new Map([
      ['road_segments', 7],
      ['roads', 3],
    ])
    expect(versionFromTables(findLayer('road_segments')!, tables)).toBe(10)
    expect(versionFromTables(findLayer('rivers')!, tables)).toBeUndefined()
  })
})
