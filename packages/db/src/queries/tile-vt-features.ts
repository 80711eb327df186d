/**
 * GeoJSON-like tile-space geometry (as computed in SQL for the embedded database) turned into
 * geojson-vt's feature shape, which @maplibre/vt-pbf encodes.
 */
export type Position = [number, number]
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint' | 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString' | 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] }

export interface VtFeature {
  type: 1 | 2 | 3
  geometry: Position[] | Position[][]
  tags: Record<string, unknown>
}

/** geojson-vt's feature shape: points as one list, lines and rings as lists of lists. */
export function toVtFeature(g: Geometry, tags: Record<string, unknown>): VtFeature | null {
  switch (g.type) {
    case 'Point':
      return { type: 1, geometry: [g.coordinates], tags }
    case 'MultiPoint':
      return { type: 1, geometry: g.coordinates, tags }
    case 'LineString':
      return g.coordinates.length >= 2 ? { type: 2, geometry: [g.coordinates], tags } : null
    case 'MultiLineString':
      return { type: 2, geometry: g.coordinates.filter((l) => l.length >= 2), tags }
    case 'Polygon':
      return { type: 3, geometry: g.coordinates, tags }
    case 'MultiPolygon':
      return { type: 3, geometry: g.coordinates.flat(), tags }
    case 'GeometryCollection': {
      // Clipping can leave stray lower-dimension parts; keep the parts of the highest dimension.
      const parts = g.geometries.map((p) => toVtFeature(p, tags)).filter((p): p is VtFeature => p !== null)
      const top = Math.max(0, ...parts.map((p) => p.type))
      const kept = parts.filter((p) => p.type === top)
      if (kept.length === 0) return null
      return { type: top as 1 | 2 | 3, geometry: kept.flatMap((p) => p.geometry) as Position[][], tags }
    }
  }
}
