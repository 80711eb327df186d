import { createHash } from 'node:crypto'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import type { FeatureFilter } from '@onemap/domain/layer-filters'
import type { LayerDefinition } from '@onemap/domain/layers'
import type { Database } from '../database.ts'
import { LAYER_SQL, layerVersionSql } from './catalogue.ts'
import { filterConditions, Params } from './filters.ts'

/** Tile coordinates: zoom 0–22, x and y in 0 … 2^z − 1. */
export interface TileAddress {
  z: number
  x: number
  y: number
}

/** Tile-space units per tile side, the MVT default. */
export const TILE_EXTENT = 4096
/** Geometry is kept 64 units (1/64 tile) beyond the edge so lines and outlines join without seams. */
const TILE_BUFFER = 64
/** At most this many features per layer and tile; a denser tile is a symptom, not a map. */
export const TILE_FEATURE_CAP = 10_000
/** Half the Web Mercator world width in metres. */
const HALF_WORLD = 20_037_508.342789244

/**
 * `postgis` encodes with ST_AsMVT (server backend); `node` computes tile-space geometry in SQL and
 * encodes it here, for embedded PGlite whose PostGIS lacks protobuf (ST_AsMVT would kill its connection).
 */
export type TileEncoder = 'postgis' | 'node'

export function defaultTileEncoder(db: Database): TileEncoder {
  return db.kind === 'server' ? 'postgis' : 'node'
}

interface TileQueryParts {
  params: Params
  /** The filtered, capped rows: `geom` (EPSG:3857, simplified) plus the tile properties. */
  rows: string
  columns: string[]
  /** The layer's version as text, read in the same statement (and snapshot) as the tile. */
  version: string
}

function tileQueryParts(layer: LayerDefinition, tile: TileAddress, filter: FeatureFilter): TileQueryParts {
  const sql = LAYER_SQL[layer.id]
  const params = new Params()
  const z = params.add(tile.z)
  const x = params.add(tile.x)
  const y = params.add(tile.y)
  const version = layerVersionSql(params.add(layer.versionSources))
  // Simplify to half a tile unit: finer detail would be snapped away by the integer grid anyway.
  const geom =
    layer.geometryType === 'Point'
      ? 't.geom_3857'
      : `ST_Simplify(t.geom_3857, ${params.add((2 * HALF_WORLD) / 2 ** tile.z / TILE_EXTENT / 2)}::float8, true)`
  const where = [`t.geom_3857 && bounds.b`, ...filterConditions(layer, filter, params)]
  const columns = layer.tileFields.map((name) => {
    const field = layer.fields.find((f) => f.name === name)
    const expr = sql.columns[name] as string
    return `${field?.type === 'date' ? `(${expr})::text` : expr} AS "${name}"`
  })
  const rows = `
    bounds AS (
      SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) AS e,
             ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${TILE_BUFFER / TILE_EXTENT}) AS b
    ), picked AS (
      SELECT ${geom} AS geom, ${columns.join(', ')}
        FROM ${sql.from}, bounds
       WHERE ${where.join(' AND ')}
       ORDER BY ${sql.id}
       LIMIT ${TILE_FEATURE_CAP}
    )`
  return { params, rows, columns: layer.tileFields.map((n) => `"${n}"`), version }
}

/** A rendered tile and the layer version it shows. */
export interface VersionedTile {
  /** Uncompressed protobuf; an empty tile is a zero-length buffer. */
  mvt: Buffer
  /** The layer's version in the snapshot the tile was read from (see `layerVersion`). */
  version: number
}

/** One layer's Mapbox Vector Tile (uncompressed protobuf); an empty tile is a zero-length buffer. */
export async function renderTile(
  db: Database,
  layer: LayerDefinition,
  tile: TileAddress,
  filter: FeatureFilter,
  encoder: TileEncoder = defaultTileEncoder(db),
): Promise<Buffer> {
  return (await renderVersionedTile(db, layer, tile, filter, encoder)).mvt
}

/**
 * The tile together with the layer version, in one statement: one round trip instead of two, and
 * a tile can never be labelled with a version read before (or after) a concurrent edit.
 */
export async function renderVersionedTile(
  db: Database,
  layer: LayerDefinition,
  tile: TileAddress,
  filter: FeatureFilter,
  encoder: TileEncoder = defaultTileEncoder(db),
): Promise<VersionedTile> {
  return encoder === 'postgis' ? renderWithPostgis(db, layer, tile, filter) : renderInNode(db, layer, tile, filter)
}

/** The ST_AsMVT statement for one tile and its bound values (also run by the benchmark's pgbench floor). */
export function postgisTileQuery(layer: LayerDefinition, tile: TileAddress, filter: FeatureFilter): { text: string; values: unknown[] } {
  const { params, rows, columns, version } = tileQueryParts(layer, tile, filter)
  const text = `WITH ${rows}, mvt AS (
       SELECT ST_AsMVTGeom(picked.geom, bounds.e, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom, ${columns.join(', ')}
         FROM picked, bounds
     )
     SELECT ${version} AS v, ST_AsMVT(mvt.*, '${layer.id}', ${TILE_EXTENT}, 'geom') AS tile FROM mvt WHERE geom IS NOT NULL`
  return { text, values: params.values }
}

async function renderWithPostgis(db: Database, layer: LayerDefinition, tile: TileAddress, filter: FeatureFilter): Promise<VersionedTile> {
  const { text, values } = postgisTileQuery(layer, tile, filter)
  const { rows } = await preparedQuery<{ v: string; tile: Buffer | null }>(db, text, values)
  return { mvt: rows[0]?.tile ?? Buffer.alloc(0), version: Number(rows[0]?.v ?? 0) }
}

/**
 * Runs a tile statement as a named prepared statement. Planning these PostGIS queries costs more
 * than running them on a small tile, so each connection plans a statement shape once; the text
 * depends only on the layer and which filters are present, never on their values.
 */
function preparedQuery<R extends Record<string, unknown>>(db: Database, text: string, values: unknown[]) {
  const name = `onemap_tile_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
  return db.pool.query<R>({ name, text, values })
}

/**
 * Tile-space geometry in SQL: clip to the buffered tile, scale to 0…4096 with y pointing down, snap
 * to integers. Exterior rings are made clockwise in EPSG:3857 first, which the y flip turns into
 * the positive-area exterior rings MVT requires.
 */
async function renderInNode(db: Database, layer: LayerDefinition, tile: TileAddress, filter: FeatureFilter): Promise<VersionedTile> {
  const { params, rows, columns, version } = tileQueryParts(layer, tile, filter)
  const clipped = layer.geometryType === 'Point' ? 'picked.geom' : 'ST_ForcePolygonCW(ST_ClipByBox2D(picked.geom, bounds.b))'
  const { rows: out } = await preparedQuery<{ v: string; features: string | null }>(
    db,
    `WITH ${rows}, projected AS (
       SELECT ST_SnapToGrid(ST_Affine(${clipped},
                ${TILE_EXTENT} / (ST_XMax(bounds.e) - ST_XMin(bounds.e)), 0, 0,
                -${TILE_EXTENT} / (ST_YMax(bounds.e) - ST_YMin(bounds.e)),
                -ST_XMin(bounds.e) * ${TILE_EXTENT} / (ST_XMax(bounds.e) - ST_XMin(bounds.e)),
                ST_YMax(bounds.e) * ${TILE_EXTENT} / (ST_YMax(bounds.e) - ST_YMin(bounds.e))), 1) AS g,
              ${columns.join(', ')}
         FROM picked, bounds
     )
     SELECT ${version} AS v, json_agg(json_build_array(ST_AsGeoJSON(g, 0)::json,
              json_build_object(${layer.tileFields.map((n) => `'${n}', "${n}"`).join(', ')})))::text AS features
       FROM projected
      WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)
        AND (GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') OR ST_Area(g) > 0)`,
    params.values,
  )
  const text = out[0]?.features
  const empty = { mvt: Buffer.alloc(0), version: Number(out[0]?.v ?? 0) }
  if (!text) return empty
  const features: VtFeature[] = []
  for (const [geometry, tags] of JSON.parse(text) as [Geometry, Record<string, unknown>][]) {
    const feature = toVtFeature(geometry, tags)
    if (feature) features.push(feature)
  }
  if (features.length === 0) return empty
  const pbf = fromGeojsonVt({ [layer.id]: { features } } as never, { version: 2, extent: TILE_EXTENT })
  return { ...empty, mvt: Buffer.from(pbf.buffer, pbf.byteOffset, pbf.byteLength) }
}

type Position = [number, number]
type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint' | 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString' | 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] }

interface VtFeature {
  type: 1 | 2 | 3
  geometry: Position[] | Position[][]
  tags: Record<string, unknown>
}

/** geojson-vt's feature shape: points as one list, lines and rings as lists of lists. */
function toVtFeature(g: Geometry, tags: Record<string, unknown>): VtFeature | null {
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
