import { expect, test } from 'vitest'
import { distanceM, lineLengthM, nearestOnLine, type Line } from './geometry.ts'

// 0.01° of latitude at 34.8° N on the CGCS2000 ellipsoid is 1109.2 m; turf's sphere is within 0.3% of it.
test('distances and lengths are turf great-circle metres, within 0.3% of the ellipsoid here', () => {
  expect(distanceM([113.55, 34.8], [113.55, 34.81]) / 1109.2).toBeCloseTo(1, 2)
  expect(
    lineLengthM([
      [113.55, 34.8],
      [113.55, 34.81],
      [113.55, 34.82],
    ]) / 2218.4,
  ).toBeCloseTo(1, 2)
})

test('the nearest place on a line is the foot of the perpendicular, named by segment and fraction', () => {
  const line: Line = [
    [113.55, 34.8],
    [113.55, 34.81],
    [113.55, 34.83],
  ]
  const place = nearestOnLine(line, [113.551, 34.815])
  expect(place.index).toBe(1)
  expect(place.t).toBeCloseTo(0.25, 3)
  expect(place.point[0]).toBeCloseTo(113.55, 6)
  expect(place.point[1]).toBeCloseTo(34.815, 5)
  expect(place.distanceM / distanceM([113.55, 34.815], [113.551, 34.815])).toBeCloseTo(1, 3)
})
