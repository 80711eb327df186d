import type { Database } from '@onemap/db/database'
import { itemGeometries } from '@onemap/db/queries/analysis'

type TableLayer = Parameters<typeof itemGeometries>[1]

/**
 * Table rows as an RFC 7946 FeatureCollection for export: each row becomes a feature's properties, with
 * its geometry (EPSG:4490 degrees) and the same geometry as WKT. Segments and facilities export alike.
 */
export async function exportCollection<G extends { type: string }, P extends { id: string }>(
  db: Database,
  layer: TableLayer,
  rows: readonly P[],
) {
  const geometries = await itemGeometries(
    db,
    layer,
    rows.map((r) => r.id),
  )
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((properties) => ({
      type: 'Feature' as const,
      id: properties.id,
      geometry: JSON.parse(geometries.get(properties.id)?.geometry ?? 'null') as G | null,
      properties,
      wkt: geometries.get(properties.id)?.wkt ?? null,
    })),
  }
}
