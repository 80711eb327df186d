import { area, length, lineString, nearestPointOnLine, polygon } from '@turf/turf'

export type LonLat = [number, number]

// Measures use turf's great-circle geometry on a sphere: within 0.3% of the CGCS2000 ellipsoid in the zone,
// finer than a click on the map resolves, and no projection library in the browser. Where the ellipsoid
// matters (stored lengths and areas) PostGIS measures on the geography or in EPSG:4547.

/** Length in metres of the path through the points, in order (0 for under 2). */
export function pathLengthM(points: readonly LonLat[]): number {
  return points.length < 2 ? 0 : length(lineString([...points]), { units: 'meters' })
}

/** Area in square kilometres of the polygon through the points (closed automatically; 0 for under 3). */
export function polygonAreaKm2(points: readonly LonLat[]): number {
  if (points.length < 3) return 0
  return area(polygon([[...points, points[0] as LonLat]])) / 1e6
}

/** The point of a line nearest to `p` (turf): where a split will cut, shown on the line before it is sent. */
export function nearestPointOn(line: readonly LonLat[], p: LonLat): LonLat {
  return nearestPointOnLine(lineString([...line]), p).geometry.coordinates as LonLat
}
