import { bbox, distance } from '@turf/turf'

/** Plain geometry for the wall's map scenes: extents and paths measured for animation (turf). */

export type Bounds = [number, number, number, number]
type Position = number[]

/** [west, south, east, north] of every coordinate in the collection, or null when it is empty. */
export function boundsOf(fc: GeoJSON.FeatureCollection | undefined): Bounds | null {
  if (!fc?.features.length) return null
  const [w, s, e, n] = bbox(fc)
  return Number.isFinite(w) ? ([w, s, e, n] as Bounds) : null
}

/** The overlap of two extents (a scene's data clipped to the zone), or `b` when they do not meet. */
export function intersect(a: Bounds, b: Bounds): Bounds {
  const r: Bounds = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]
  return r[0] < r[2] && r[1] < r[3] ? r : b
}

export interface MeasuredPath<P> {
  path: Position[]
  /** Metres along the path at each vertex, from 0; TripsLayer animates over these. */
  timestamps: number[]
  properties: P
}

/** Great-circle metres between two lon/lat positions (turf), for animation pacing. */
export function metresBetween(a: Position, b: Position): number {
  return distance(a, b, { units: 'meters' })
}

/** Every line of the collection that `keep` accepts, split into simple paths with cumulative metres. */
export function measuredPaths<P>(
  fc: GeoJSON.FeatureCollection | undefined,
  keep: (props: P) => boolean,
): MeasuredPath<P>[] {
  const out: MeasuredPath<P>[] = []
  for (const f of fc?.features ?? []) {
    const props = f.properties as P
    if (!keep(props)) continue
    const g = f.geometry
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : []
    for (const path of lines) {
      if (path.length < 2) continue
      const timestamps = [0]
      for (let i = 1; i < path.length; i++)
        timestamps.push((timestamps[i - 1] ?? 0) + metresBetween(path[i - 1] as Position, path[i] as Position))
      out.push({ path, timestamps, properties: props })
    }
  }
  return out
}

/** The longest path's length in metres: one animation loop covers it. */
export function longestMetres(paths: readonly MeasuredPath<unknown>[]): number {
  return paths.reduce((m, p) => Math.max(m, p.timestamps[p.timestamps.length - 1] ?? 0), 0)
}
