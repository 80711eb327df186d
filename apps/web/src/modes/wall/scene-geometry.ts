/** Plain geometry for the wall's map scenes: extents and paths measured for animation. */

export type Bounds = [number, number, number, number]
type Position = number[]

/** [west, south, east, north] of every coordinate in the collection, or null when it is empty. */
export function boundsOf(fc: GeoJSON.FeatureCollection | undefined): Bounds | null {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[]
      if (x === undefined || y === undefined) return
      w = Math.min(w, x)
      e = Math.max(e, x)
      s = Math.min(s, y)
      n = Math.max(n, y)
    } else for (const inner of c) visit(inner)
  }
  for (const f of fc?.features ?? []) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates)
  return Number.isFinite(w) ? [w, s, e, n] : null
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

const EARTH_M_PER_DEG = 111_320

/** Metres between two lon/lat positions; an equirectangular estimate, ample for animation pacing. */
export function metresBetween(a: Position, b: Position): number {
  const lat = (((a[1] ?? 0) + (b[1] ?? 0)) / 2) * (Math.PI / 180)
  const dx = ((b[0] ?? 0) - (a[0] ?? 0)) * Math.cos(lat)
  const dy = (b[1] ?? 0) - (a[1] ?? 0)
  return Math.hypot(dx, dy) * EARTH_M_PER_DEG
}

/** Every line of the collection that `keep` accepts, split into simple paths with cumulative metres. */
export function measuredPaths<P>(fc: GeoJSON.FeatureCollection | undefined, keep: (props: P) => boolean): MeasuredPath<P>[] {
  const out: MeasuredPath<P>[] = []
  for (const f of fc?.features ?? []) {
    const props = f.properties as P
    if (!keep(props)) continue
    const g = f.geometry
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : []
    for (const path of lines) {
      if (path.length < 2) continue
      const timestamps = [0]
      for (let i = 1; i < path.length; i++) timestamps.push((timestamps[i - 1] ?? 0) + metresBetween(path[i - 1] as Position, path[i] as Position))
      out.push({ path, timestamps, properties: props })
    }
  }
  return out
}

/** The longest path's length in metres: one animation loop covers it. */
export function longestMetres(paths: readonly MeasuredPath<unknown>[]): number {
  return paths.reduce((m, p) => Math.max(m, p.timestamps[p.timestamps.length - 1] ?? 0), 0)
}
