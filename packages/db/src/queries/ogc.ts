import type { LayerDefinition } from '@onemap/domain/layers'
import type { Database } from '../database.ts'
import { jsonProperties, LAYER_SQL, lastKnownCountExtent, layerStats } from './catalogue.ts'
import { Params } from './filters.ts'
import { preparedQuery } from './prepared.ts'

/**
 * CRSs served by OGC API Features (Part 2, CRS by reference). OGC URIs follow the EPSG axis order:
 * EPSG:4490 and 4326 are latitude, longitude; EPSG:4547 (CGCS2000 Gauss-Krüger CM 114°E) is
 * northing, easting; CRS84 and EPSG:3857 are x, y. Stored geometry is EPSG:4490 lon/lat, and
 * CGCS2000 ≈ WGS84 to centimetres, so 4326 and CRS84 are served without a datum shift.
 */
export const OGC_CRS = {
  'http://www.opengis.net/def/crs/OGC/1.3/CRS84': { srid: 4490, flip: false, decimals: 7 },
  'http://www.opengis.net/def/crs/EPSG/0/4490': { srid: 4490, flip: true, decimals: 7 },
  'http://www.opengis.net/def/crs/EPSG/0/4326': { srid: 4490, flip: true, decimals: 7 },
  'http://www.opengis.net/def/crs/EPSG/0/4547': { srid: 4547, flip: true, decimals: 3 },
  'http://www.opengis.net/def/crs/EPSG/0/3857': { srid: 3857, flip: false, decimals: 3 },
} as const
export type OgcCrs = keyof typeof OGC_CRS
export const CRS84: OgcCrs = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
export const OGC_CRS_URIS = Object.keys(OGC_CRS) as OgcCrs[]

/** The stored geometry expressed in `crs`, axis order included. */
function geometryIn(crs: OgcCrs): string {
  const { srid, flip } = OGC_CRS[crs]
  const g = srid === 4490 ? 't.geom' : srid === 3857 ? 't.geom_3857' : `ST_Transform(t.geom, ${srid})`
  return flip ? `ST_FlipCoordinates(${g})` : g
}

/** A bbox given in `crs` (its axis order) as an EPSG:4490 polygon expression. */
function bboxIn(crs: OgcCrs, bbox: [number, number, number, number], params: Params): string {
  const { srid, flip } = OGC_CRS[crs]
  const [a, b, c, d] = flip ? [bbox[1], bbox[0], bbox[3], bbox[2]] : bbox
  const env = `ST_MakeEnvelope(${params.add(a)}::float8, ${params.add(b)}::float8, ${params.add(c)}::float8, ${params.add(d)}::float8, ${srid})`
  // A projected box is densified before reprojection so its edges stay close to the curved originals.
  return srid === 4490
    ? env
    : `ST_Transform(ST_Segmentize(${env}, (${params.add(Math.abs(c - a) / 16 || 1)})::float8), 4490)`
}

/**
 * Margin (degrees) by which the box is shrunk for the containment shortcut below: more than the
 * float4 rounding of PostGIS's index boxes (at most 1.5e-5 degrees for |coordinates| ≤ 180).
 */
const INNER_MARGIN = 1e-4

/**
 * Rows whose geometry intersects the bbox. A geometry whose bounding box lies inside the box
 * intersects it without further test; only the rows across the box's edge need the exact
 * ST_Intersects (GEOS, ~1 µs a row), which was most of a 1M-segment bbox page: 45 000 matches,
 * ~1 500 on the edge. The shortcut uses the box shrunk by INNER_MARGIN because `@` compares the
 * float4 boxes PostGIS keeps, which round outwards: a geometry's box inside the shrunk box is
 * inside the real one. Only for a box in EPSG:4490, where the bbox is a true rectangle (a projected
 * one becomes a curved polygon). CASE, not OR: with OR the planner scans the index twice (a
 * BitmapOr).
 */
function bboxCondition(crs: OgcCrs, bbox: [number, number, number, number], params: Params): string {
  const box = bboxIn(crs, bbox, params)
  const { srid, flip } = OGC_CRS[crs]
  const [a, b, c, d] = flip ? [bbox[1], bbox[0], bbox[3], bbox[2]] : bbox
  if (srid !== 4490 || c - a <= 2 * INNER_MARGIN || d - b <= 2 * INNER_MARGIN) return `ST_Intersects(t.geom, ${box})`
  const inner = [a + INNER_MARGIN, b + INNER_MARGIN, c - INNER_MARGIN, d - INNER_MARGIN].map(
    (v) => `${params.add(v)}::float8`,
  )
  return `t.geom && ${box} AND CASE WHEN t.geom @ ST_MakeEnvelope(${inner.join(', ')}, 4490) THEN true
     ELSE ST_Intersects(t.geom, ${box}) END`
}

/** From this many expected matches on, a bbox page is planned for its box (see ogcItems). */
const PLAN_FOR_BOX_FROM = 2_000

/**
 * Rows a bbox is expected to match, from the layer's last known count and extent as if the features
 * were spread evenly: a planning hint, nothing is cut by it. A projected box (not a rectangle in
 * degrees) counts as many.
 */
function expectedMatches(
  crs: OgcCrs,
  bbox: [number, number, number, number],
  stats: { count: number; extent: [number, number, number, number] | null } | undefined,
): number {
  const { srid, flip } = OGC_CRS[crs]
  if (srid !== 4490 || !stats) return Number.POSITIVE_INFINITY
  if (!stats.extent) return 0
  const [a, b, c, d] = flip ? [bbox[1], bbox[0], bbox[3], bbox[2]] : bbox
  const [w, s, e, n] = stats.extent
  const share = (lo: number, hi: number, from: number, to: number) =>
    to > from ? Math.max(0, Math.min(hi, to) - Math.max(lo, from)) / (to - from) : lo <= from && from <= hi ? 1 : 0
  return stats.count * share(a, c, w, e) * share(b, d, s, n)
}

/**
 * GeoJSON geometry of `g` in `crs`. Options 0: no `crs` member (RFC 7946 has none; ST_AsGeoJSON
 * adds one for every SRID but 4326, 8 % of a page) and no bbox; the CRS travels in Content-Crs.
 */
function geoJson(g: string, crs: OgcCrs): string {
  return `ST_AsGeoJSON(${g}, ${OGC_CRS[crs].decimals}, 0)::json`
}

export interface OgcItemsQuery {
  bbox?: [number, number, number, number] | undefined
  bboxCrs: OgcCrs
  crs: OgcCrs
  /** Exact matches on public fields (compared as text). */
  properties: Record<string, string>
  /** Public fields to return (the `properties` parameter of Part 1), in this order; all when absent. */
  fields?: readonly string[] | undefined
  limit: number
  offset: number
}

export interface OgcItemsPage {
  numberMatched: number
  numberReturned: number
  /** JSON array text of GeoJSON features, built in SQL. */
  features: string
}

/** One page of a collection's items in the requested CRS, plus the total that matched. */
export async function ogcItems(db: Database, layer: LayerDefinition, query: OgcItemsQuery): Promise<OgcItemsPage> {
  const sql = LAYER_SQL[layer.id]
  const params = new Params()
  const where: string[] = []
  if (query.bbox) where.push(bboxCondition(query.bboxCrs, query.bbox, params))
  for (const [name, value] of Object.entries(query.properties)) {
    const column = sql.columns[name]
    if (!column) throw new Error(`Field '${name}' is not a public field of layer '${layer.id}'`)
    where.push(`(${column})::text = ${params.add(value)}`)
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const limit = params.add(query.limit)
  const offset = params.add(query.offset)
  const features = `COALESCE((SELECT json_agg(json_build_object('type', 'Feature', 'id', fid,
                'geometry', ${geoJson('g', query.crs)}, 'properties', props) ORDER BY fid)
              FROM page), '[]'::json)::text AS features`
  const row = `${sql.id} AS fid, ${geometryIn(query.crs)} AS g, ${jsonProperties(layer, query.fields)} AS props`
  // Without a bbox the page walks the primary key in order. With one, the matches are found once
  // through the spatial index (row address and id only), counted, and the page is taken from them:
  // walking the key and testing each row for the box read 50 000 rows for 100 on a dense city.
  // Property filters may read joined tables; a bbox alone needs only the layer's own table.
  const own = Object.keys(query.properties).length === 0 ? (sql.table ?? sql.from) : sql.from
  // An unfiltered collection's size is the layer's count, computed once per version.
  const total = where.length === 0 ? (await layerStats(db)).find((s) => s.layer === layer.id)?.count : undefined
  const text = query.bbox
    ? `WITH matched AS MATERIALIZED (
         SELECT t.ctid AS tid, ${sql.id} AS fid FROM ${own} ${whereSql}
       ), page AS (
         SELECT ${row} FROM ${sql.from}
          WHERE t.ctid = ANY(ARRAY(SELECT tid FROM matched ORDER BY fid LIMIT ${limit}::int OFFSET ${offset}::int))
       )
       SELECT (SELECT count(*)::int FROM matched) AS matched, (SELECT count(*)::int FROM page) AS returned, ${features}`
    : `WITH page AS (
         SELECT ${row} FROM ${sql.from} ${whereSql} ORDER BY ${sql.id} LIMIT ${limit}::int OFFSET ${offset}::int
       )
       SELECT ${total === undefined ? `(SELECT count(*)::int FROM ${own} ${whereSql})` : params.add(total) + '::int'} AS matched,
              (SELECT count(*)::int FROM page) AS returned, ${features}`
  // A box expected to hold many rows is planned for its own values (sent unnamed): the planner then
  // knows it holds 45 000 rows, reads them in one bitmap pass and folds the boxes into constants,
  // where the kept generic plan guesses a handful of rows, walks the spatial index row by row and
  // builds the boxes again for every row (1M segments, 45 000 matches, alternating on one
  // connection: 94 ms p50 against 147 ms for the previous statement, byte-identical pages).
  // A box with few rows keeps the generic plan: planning this statement (~1–2 ms) would cost more
  // than running it (the sample's bbox page: 0.7 ms).
  const { rows } = await preparedQuery<{ matched: number; returned: number; features: string }>(
    db,
    'ogc',
    text,
    params.values,
    query.bbox && expectedMatches(query.bboxCrs, query.bbox, await lastKnownCountExtent(db, layer)) >= PLAN_FOR_BOX_FROM
      ? 'each'
      : 'once',
  )
  const first = rows[0] ?? { matched: 0, returned: 0, features: '[]' }
  return { numberMatched: first.matched, numberReturned: first.returned, features: first.features }
}

/** One item as GeoJSON Feature text in `crs`, or null when the collection has no such id. */
export async function ogcItem(
  db: Database,
  layer: LayerDefinition,
  id: string,
  crs: OgcCrs,
  fields?: readonly string[],
): Promise<string | null> {
  const sql = LAYER_SQL[layer.id]
  const { rows } = await preparedQuery<{ body: string }>(
    db,
    'ogc',
    `SELECT json_build_object('type', 'Feature', 'id', ${sql.id},
        'geometry', ${geoJson(geometryIn(crs), crs)},
        'properties', ${jsonProperties(layer, fields)})::text AS body
       FROM ${sql.from} WHERE ${sql.id} = $1`,
    [id],
  )
  return rows[0]?.body ?? null
}
