import { describe, expect, it } from 'vitest'
import { nearestPointOn, pathLengthM, polygonAreaKm2 } from './measure.ts'
import { labelPoint } from './sub-district-labels.ts'
import { EMPTY_FILTER, needsIdFilter, tileQuery, toFeatureFilter, toSelection } from './plan-filter.ts'

// GRS80 (the CGCS2000 ellipsoid): meridian and prime-vertical radii of curvature at latitude φ.
const A = 6378137
const F = 1 / 298.257222101
const E2 = F * (2 - F)
const rad = (deg: number) => (deg * Math.PI) / 180
const meridianRadius = (lat: number) => (A * (1 - E2)) / (1 - E2 * Math.sin(rad(lat)) ** 2) ** 1.5
const primeVertical = (lat: number) => A / Math.sqrt(1 - E2 * Math.sin(rad(lat)) ** 2)

// turf measures on a sphere; in the zone that is within 0.3% of the ellipsoid (measure.ts says why that is enough).
const within = (measured: number, expected: number, share: number) =>
  expect(Math.abs(measured / expected - 1)).toBeLessThan(share)

describe('measure (turf) against the CGCS2000 ellipsoid', () => {
  it('gives a north–south distance within 0.3% of the meridian arc', () => {
    within(
      pathLengthM([
        [113.55, 34.79],
        [113.55, 34.8],
      ]),
      meridianRadius(34.795) * rad(0.01),
      0.003,
    )
  })

  it('gives an east–west distance within 0.3% of the parallel arc', () => {
    within(
      pathLengthM([
        [113.54, 34.8],
        [113.56, 34.8],
      ]),
      primeVertical(34.8) * Math.cos(rad(34.8)) * rad(0.02),
      0.003,
    )
  })

  it('adds the legs of a path and closes polygons for area in km²', () => {
    const box: [number, number][] = [
      [113.55, 34.79],
      [113.56, 34.79],
      [113.56, 34.8],
      [113.55, 34.8],
    ]
    const expectedKm2 =
      (meridianRadius(34.795) * rad(0.01) * primeVertical(34.795) * Math.cos(rad(34.795)) * rad(0.01)) / 1e6
    within(polygonAreaKm2(box), expectedKm2, 0.005)
    expect(pathLengthM([...box, box[0]!])).toBeCloseTo(
      2 * pathLengthM(box.slice(0, 2)) + 2 * pathLengthM(box.slice(1, 3)),
      -1,
    )
    expect(polygonAreaKm2(box.slice(0, 2))).toBe(0)
  })

  it('snaps a split point onto its segment: the foot of the perpendicular, or the nearer end', () => {
    const line: [number, number][] = [
      [113.55, 34.79],
      [113.55, 34.8],
      [113.56, 34.8],
    ]
    const [lon, lat] = nearestPointOn(line, [113.5502, 34.795])
    expect(lon).toBeCloseTo(113.55, 6)
    expect(lat).toBeCloseTo(34.795, 5)
    expect(nearestPointOn(line, [113.54, 34.78])).toEqual([113.55, 34.79])
  })
})

describe('plan filter', () => {
  it('turns the bar into the shared feature filter and the tile query in a fixed order', () => {
    const bar = {
      ...EMPTY_FILTER,
      status: ['suspended', 'planned'],
      subDistrict: '410172160',
      area: 'unit:u3',
      plannedTo: '2022-12-31',
    }
    expect(toFeatureFilter(bar)).toEqual({
      status: ['planned', 'suspended'],
      subDistrict: '410172160',
      renewalUnit: 'u3',
      plannedTo: '2022-12-31',
    })
    expect(tileQuery(toFeatureFilter(bar))).toBe(
      'status=planned%2Csuspended&subDistrict=410172160&renewalUnit=u3&plannedTo=2022-12-31',
    )
    expect(tileQuery(toFeatureFilter(EMPTY_FILTER))).toBe('')
  })

  it('sends schedule and river zone to the analysis and asks the map to filter by id then', () => {
    const bar = { ...EMPTY_FILTER, schedule: ['overdue' as const], riverZone: { riverId: 'jialu', distanceM: 200 } }
    expect(toSelection(bar)).toEqual({
      filter: {},
      schedule: ['overdue'],
      riverZone: { riverId: 'jialu', distanceM: 200 },
    })
    expect(needsIdFilter(bar)).toBe(true)
    expect(needsIdFilter({ ...EMPTY_FILTER, status: ['planned'] })).toBe(false)
  })
})

describe('sub-district label point', () => {
  it('lies inside a concave outline whose centre is outside it', () => {
    // A "U": the middle of its box is in the notch, outside the polygon.
    const u = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    }
    const [x, y] = labelPoint(u)!
    expect(y).toBe(1.5)
    expect(x === 0.5 || x === 2.5).toBe(true)
  })

  it('takes the largest part of a multipolygon', () => {
    const multi = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [10, 10],
            [14, 10],
            [14, 14],
            [10, 14],
            [10, 10],
          ],
        ],
      ],
    }
    expect(labelPoint(multi)).toEqual([12, 12])
  })
})
