import type { LayerDefinition } from '@onemap/domain/layers'
import type { Database } from '../database.ts'
import { jsonProperties, LAYER_SQL } from './catalogue.ts'

/** Coordinates keep 6 decimals (~0.1 m), as in every other public answer. */
const DECIMALS = 6

/**
 * A whole layer's public fields as GeoJSON FeatureCollection TEXT (EPSG:4490 degrees), built in SQL,
 * ordered by id: the open-data download. No paging: a download is the whole layer by definition.
 */
export async function layerGeoJson(db: Database, layer: LayerDefinition): Promise<string> {
  const sql = LAYER_SQL[layer.id]
  const { rows } = await db.query<{ body: string }>(
    `SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
        'type', 'Feature', 'id', ${sql.id}, 'geometry', ST_AsGeoJSON(t.geom, ${DECIMALS})::json,
        'properties', ${jsonProperties(layer)}) ORDER BY ${sql.id}), '[]'::json))::text AS body
       FROM ${sql.from}`,
  )
  return rows[0]?.body ?? '{"type":"FeatureCollection","features":[]}'
}

/** A whole layer's public fields, one row per feature, with its geometry as WKT (EPSG:4490), ordered by id. */
export async function layerRows(
  db: Database,
  layer: LayerDefinition,
): Promise<{ properties: Record<string, unknown>; wkt: string }[]> {
  const sql = LAYER_SQL[layer.id]
  const { rows } = await db.query<{ properties: Record<string, unknown>; wkt: string }>(
    `SELECT ${jsonProperties(layer)} AS properties, ST_AsText(t.geom, ${DECIMALS}) AS wkt
       FROM ${sql.from} ORDER BY ${sql.id}`,
  )
  return rows
}
