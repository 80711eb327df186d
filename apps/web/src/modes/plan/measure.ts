import { transformPosition } from '@onemap/geo/crs'

export type LonLat = [number, number]

/**
 * Measures on CGCS2000 through its 3-degree Gauss-Krüger plane (EPSG:4547, central meridian 114°E).
 * The zone lies within 0.6° of that meridian, where the projection's scale error is below 4·10⁻⁵
 * (0.04 m per km), far under what a click on the map can resolve.
 */
const toPlane = (p: LonLat) => transformPosition('EPSG:4490', 'EPSG:4547', p)

/** Length in metres of the path through the points, in order. */
export function pathLengthM(points: readonly LonLat[]): number {
  let total = 0
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = toPlane(points[i - 1] as LonLat)
    const [x1, y1] = toPlane(points[i] as LonLat)
    total += Math.hypot(x1 - x0, y1 - y0)
  }
  return total
}

/** Area in square kilometres of the polygon through the points (closed automatically; 0 for under 3). */
export function polygonAreaKm2(points: readonly LonLat[]): number {
  if (points.length < 3) return 0
  const plane = points.map(toPlane)
  let twice = 0
  for (let i = 0; i < plane.length; i++) {
    const [x0, y0] = plane[i] as [number, number]
    const [x1, y1] = plane[(i + 1) % plane.length] as [number, number]
    twice += x0 * y1 - x1 * y0
  }
  return Math.abs(twice) / 2 / 1e6
}
