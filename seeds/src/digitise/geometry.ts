import { transformPosition } from '@onemap/geo/crs'
import { distance, length, lineString, nearestPointOnLine } from '@turf/turf'

/** A [lon, lat] position in degrees (CGCS2000 ≈ WGS84). */
export type Position = [number, number]
export type Line = Position[]

/** RFC 7946 recommends no more precision than needed; 6 decimals is ~0.1 m, far below our ±150 m. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

export function roundPosition([lon, lat]: Position): Position {
  return [round6(lon), round6(lat)]
}

/** Great-circle distance in metres (turf's sphere: within 0.3% of the ellipsoid here, ample for digitising tolerances). */
export function distanceM(a: Position, b: Position): number {
  return distance(a, b, { units: 'meters' })
}

/** Length of a polyline in metres (turf, as distanceM). */
export function lineLengthM(line: Line): number {
  return length(lineString(line), { units: 'meters' })
}

/** Where two segments cross: parameters along each (0..1) and the point, or null when they do not. */
export function segmentIntersection(
  a: Position,
  b: Position,
  c: Position,
  d: Position,
): { t: number; u: number; point: Position } | null {
  const rx = b[0] - a[0]
  const ry = b[1] - a[1]
  const sx = d[0] - c[0]
  const sy = d[1] - c[1]
  const denom = rx * sy - ry * sx
  if (Math.abs(denom) < 1e-18) return null
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / denom
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / denom
  if (t < 0 || t > 1 || u < 0 || u > 1) return null
  return { t, u, point: [a[0] + t * rx, a[1] + t * ry] }
}

/** A place on a polyline: segment index and parameter along that segment. */
export interface LinePlace {
  index: number
  t: number
  point: Position
}

/** The nearest place on `line` to `p` (turf's nearestPointOnLine), with its distance from `p` in metres. */
export function nearestOnLine(line: Line, p: Position): LinePlace & { distanceM: number } {
  const near = nearestPointOnLine(lineString(line), p, { units: 'meters' })
  const index = Math.min(near.properties.segmentIndex, line.length - 2)
  const point = near.geometry.coordinates as Position
  const segment = distanceM(line[index] as Position, line[index + 1] as Position)
  const t = segment === 0 ? 0 : Math.min(1, near.properties.segmentDistance / segment)
  return { index, t, point, distanceM: near.properties.pointDistance }
}

/** Orders two places along a line. */
export function comparePlaces(a: LinePlace, b: LinePlace): number {
  return a.index - b.index || a.t - b.t
}

/** The vertices of `line` strictly between two places (from before to, in line order). */
export function verticesBetween(line: Line, from: LinePlace, to: LinePlace): Position[] {
  const out: Position[] = []
  for (let i = from.index + 1; i <= to.index; i++) out.push(line[i] as Position)
  return out
}

/** First crossing of two polylines as places on each; throws when they do not meet (a digitising mistake). */
export function crossing(a: Line, b: Line, what: string): { onA: LinePlace; onB: LinePlace; point: Position } {
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      const hit = segmentIntersection(a[i] as Position, a[i + 1] as Position, b[j] as Position, b[j + 1] as Position)
      if (hit) {
        const point = roundPosition(hit.point)
        return { onA: { index: i, t: hit.t, point }, onB: { index: j, t: hit.u, point }, point }
      }
    }
  }
  throw new Error(`Digitising error: ${what} do not cross`)
}

/**
 * Area in km² of a closed lon/lat ring, measured in EPSG:4547 (Gauss-Krüger CM 114°E) with the shoelace
 * formula. Not turf's spherical area: the 17.5 km² target is stated in the planar CGCS2000 projection, and the
 * database's area_km2 is computed the same way, so the digitiser checks against the same definition.
 */
export function ringAreaKm2InEpsg4547(ring: Line): number {
  const projected = ring.map((p) => transformPosition('EPSG:4490', 'EPSG:4547', p))
  let twice = 0
  for (let i = 0; i + 1 < projected.length; i++) {
    const [x1, y1] = projected[i] as Position
    const [x2, y2] = projected[i + 1] as Position
    twice += x1 * y2 - x2 * y1
  }
  return Math.abs(twice) / 2 / 1e6
}

/** Closes a ring and drops consecutive duplicate vertices (rounding can make two coincide). */
export function closeRing(vertices: Position[]): Position[] {
  const ring: Position[] = []
  for (const v of vertices.map(roundPosition)) {
    const last = ring[ring.length - 1]
    if (!last || last[0] !== v[0] || last[1] !== v[1]) ring.push(v)
  }
  const first = ring[0] as Position
  const last = ring[ring.length - 1] as Position
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]])
  return ring
}
