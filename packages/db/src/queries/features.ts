import type { FeatureFilter, LonLatBbox } from '@onemap/domain/layer-filters'
import type { LayerDefinition } from '@onemap/domain/layers'
import type { Database } from '../database.ts'
import { jsonProperties, LAYER_SQL } from './catalogue.ts'
import { filterConditions, Params } from './filters.ts'

/** Largest page features.query returns. */
export const MAX_FEATURE_LIMIT = 5000

/** GeoJSON coordinates keep 6 decimals: ~0.1 m in degrees, below the accuracy of any layer here. */
const DECIMALS = 6

export interface FeatureQuery {
  bbox?: LonLatBbox | undefined
  filter: FeatureFilter
  limit: number
  /** Id after which the page starts (keyset paging in id order). */
  cursor?: string | undefined
}

/**
 * A page of features as GeoJSON FeatureCollection TEXT, built entirely in SQL, with `nextCursor`
 * set when more features follow. Geometry is in EPSG:4490 degrees (lon, lat).
 */
export async function queryFeatures(db: Database, layer: LayerDefinition, query: FeatureQuery): Promise<string> {
  const sql = LAYER_SQL[layer.id]
  const params = new Params()
  const where = filterConditions(layer, query.filter, params)
  if (query.bbox) {
    const [w, s, e, n] = query.bbox.map((v) => params.add(v))
    where.push(`ST_Intersects(t.geom, ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4490))`)
  }
  // The cursor compares in the column's own collation, the same as ORDER BY, so the primary key
  // index serves both and pages never skip or repeat.
  if (query.cursor !== undefined) where.push(`${sql.id} > ${params.add(query.cursor)}`)
  const limit = params.add(query.limit)
  const text = `
    WITH page AS (
      SELECT ${sql.id} AS fid, t.geom, ${jsonProperties(layer)} AS props
        FROM ${sql.from}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${sql.id}
       LIMIT ${limit}::int + 1
    ), numbered AS (
      SELECT *, row_number() OVER (ORDER BY fid) AS rn FROM page
    )
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'features', COALESCE((SELECT json_agg(json_build_object(
          'type', 'Feature', 'id', fid, 'geometry', ST_AsGeoJSON(geom, ${DECIMALS})::json, 'properties', props) ORDER BY rn)
        FROM numbered WHERE rn <= ${limit}::int), '[]'::json),
      'nextCursor', (SELECT fid FROM numbered WHERE rn = ${limit}::int AND EXISTS (SELECT 1 FROM numbered WHERE rn > ${limit}::int))
    )::text AS body`
  const { rows } = await db.query<{ body: string }>(text, params.values)
  return rows[0]?.body ?? '{"type":"FeatureCollection","features":[],"nextCursor":null}'
}

/**
 * One feature as GeoJSON Feature TEXT with `history` (its public status changes, oldest first),
 * or null when the layer holds no feature with that id.
 */
export async function getFeature(db: Database, layer: LayerDefinition, id: string): Promise<string | null> {
  const sql = LAYER_SQL[layer.id]
  const history = sql.eventEntity
    ? `COALESCE((SELECT json_agg(json_build_object('from', e.from_status, 'to', e.to_status,
          'happened_on', e.happened_on, 'kind', e.kind) ORDER BY e.happened_on, e.id)
        FROM status_events e WHERE e.entity = '${sql.eventEntity}' AND e.entity_id = ${sql.id}), '[]'::json)`
    : `'[]'::json`
  const { rows } = await db.query<{ body: string }>(
    `SELECT json_build_object('type', 'Feature', 'id', ${sql.id},
        'geometry', ST_AsGeoJSON(t.geom, ${DECIMALS})::json, 'properties', ${jsonProperties(layer)},
        'history', ${history})::text AS body
       FROM ${sql.from} WHERE ${sql.id} = $1`,
    [id],
  )
  return rows[0]?.body ?? null
}
