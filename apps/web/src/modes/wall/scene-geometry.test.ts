import { describe, expect, it } from 'vitest'
import { boundsOf, intersect, longestMetres, measuredPaths, metresBetween } from './scene-geometry.ts'

const fc = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features })
const line = (coordinates: number[][], status: string): GeoJSON.Feature => ({
  type: 'Feature',
  properties: { status },
  geometry: { type: 'LineString', coordinates },
})

describe('scene geometry', () => {
  it('finds the extent of mixed geometries and null for none', () => {
    const data = fc([
      line(
        [
          [113.5, 34.8],
          [113.52, 34.81],
        ],
        'planned',
      ),
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [113.45, 34.85] } },
    ])
    expect(boundsOf(data)).toEqual([113.45, 34.8, 113.52, 34.85])
    expect(boundsOf(fc([]))).toBeNull()
  })

  it('clips an extent to the zone, or keeps the zone when they miss', () => {
    expect(intersect([113, 34, 114, 35], [113.45, 34.765, 113.605, 34.865])).toEqual([113.45, 34.765, 113.605, 34.865])
    expect(intersect([113.5, 34.8, 113.7, 34.9], [113.45, 34.765, 113.605, 34.865])).toEqual([
      113.5, 34.8, 113.605, 34.865,
    ])
    expect(intersect([110, 30, 111, 31], [113.45, 34.765, 113.605, 34.865])).toEqual([113.45, 34.765, 113.605, 34.865])
  })

  it('measures 0.01° of latitude as about 1.11 km', () => {
    expect(metresBetween([113.55, 34.8], [113.55, 34.81])).toBeCloseTo(1113, -1)
  })

  it('keeps only the chosen lines and accumulates metres along each', () => {
    const paths = measuredPaths<{ status: string }>(
      fc([
        line(
          [
            [113.55, 34.8],
            [113.55, 34.81],
            [113.55, 34.82],
          ],
          'under_construction',
        ),
        line(
          [
            [113.5, 34.8],
            [113.51, 34.8],
          ],
          'planned',
        ),
      ]),
      (p) => p.status === 'under_construction',
    )
    expect(paths).toHaveLength(1)
    expect(paths[0]?.timestamps[0]).toBe(0)
    expect(paths[0]?.timestamps[2]).toBeCloseTo(2226, -1)
    expect(longestMetres(paths)).toBeCloseTo(2226, -1)
  })
})
