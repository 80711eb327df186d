import { fromGeojsonVt } from '@maplibre/vt-pbf'
import type { FeatureFilter } from '@onemap/domain/layer-filters'
import type { LayerDefinition } from '@onemap/domain/layers'
import type { Database } from '../database.ts'
import { LAYER_SQL, layerVersionSql } from './catalogue.ts'
import { filterConditions, Params } from './filters.ts'
import { preparedQuery } from './prepared.ts'
import { TILE_FEATURE_BUDGET, tileSelection } from './tile-selection.ts'

export { TILE_FEATURE_BUDGET } from './tile-selection.ts'
import { toVtFeature, type Geometry, type VtFeature } from './tile-vt-features.ts'

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
/** Half the Web Mercator world width in metres. */
const HALF_WORLD = 20_037_508.342789244
/**
 * The MVT layer a tile gains when a layer's budget cut it short: one point at the tile's centre
 * with `layer` (which layer) and `budget` (how many features it kept). Maps read it to say
 * "zoom in to see all"; an uncut tile never has it.
 */
export const TRUNCATED_LAYER = 'onemap_truncated'

/**
 * `postgis` encodes with ST_AsMVT (server backend); `node` computes tile-space geometry in SQL and
 * encodes it here, for embedded PGlite whose PostGIS lacks protobuf (ST_AsMVT would kill its connection).
 */
export type TileEncoder = 'postgis' | 'node'

export function defaultTileEncoder(db: Database): TileEncoder {
  return db.kind === 'server' ? 'postgis' : 'node'
}

export interface TileOptions {
  encoder?: TileEncoder
  /** Features per tile before the tile is cut (tests use a small one); default TILE_FEATURE_BUDGET. */
  budget?: number
}

interface TileQueryParts {
  params: Params
  /** CTEs `picked` (budget + 1 rows, to notice a cut) and `kept` (the budget). */
  ctes: string
  columns: string[]
  /** The simplified EPSG:3857 geometry of a `kept` row. */
  geom: string
  /** The tile envelope, inline: the planner sees the box, so it estimates the rows it holds. */
  envelope: string
  /** The envelope with the tile buffer, for clipping. */
  buffered: string
  /** The layer's version as text, read in the same statement (and snapshot) as the tile. */
  version: string
  budget: number
}

function tileQueryParts(
  layer: LayerDefinition,
  tile: TileAddress,
  filter: FeatureFilter,
  budget: number,
): TileQueryParts {
  const sql = LAYER_SQL[layer.id]
  const params = new Params()
  const z = params.add(tile.z)
  const x = params.add(tile.x)
  const y = params.add(tile.y)
  const version = layerVersionSql(params.add(layer.versionSources))
  const envelope = `ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int)`
  const buffered = `ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${TILE_BUFFER / TILE_EXTENT})`
  const selection = tileSelection(layer, tile.z, sql.id)
  const where = [`t.geom_3857 && ${buffered}`, ...filterConditions(layer, filter, params)]
  // Simplify to half a tile unit: finer detail would be snapped away by the integer grid anyway,
  // and a line shorter than that collapses and is dropped until a closer zoom shows it.
  const geom =
    layer.geometryType === 'Point'
      ? 'kept.geom'
      : `ST_Simplify(kept.geom, ${params.add((2 * HALF_WORLD) / 2 ** tile.z / TILE_EXTENT / 2)}::float8, true)`
  const columns = layer.tileFields.map((name) => {
    const field = layer.fields.find((f) => f.name === name)
    const expr = sql.columns[name] as string
    return `${field?.type === 'date' ? `(${expr})::text` : expr} AS "${name}"`
  })
  // Choosing reads the layer's own table; the joined road only when a filter asks for its name.
  const from = where.some((c) => /\br\./.test(c)) ? sql.from : (sql.table ?? sql.from)
  const keys = selection.order.map((term, i) => `${term.replace(/ DESC$/, '')} AS "_o${i}"`)
  const keyOrder = [
    '"_g"',
    ...selection.order.map((term, i) => `"_o${i}"${term.endsWith(' DESC') ? ' DESC' : ''}`),
  ].join(', ')
  const group = (conditions: string[], g: number) => `
      SELECT t.ctid AS _tid, ${g} AS "_g", ${keys.join(', ')}
        FROM ${from}
       WHERE ${[...where, ...conditions].join(' AND ')}
       ORDER BY ${selection.order.join(', ')}
       LIMIT ${budget + 1}`
  // Groups in priority order (programme items, then road classes): PostgreSQL's Append runs its
  // branches in the order written and the LIMIT above it stops pulling once the budget is full, so
  // the groups after that are never read. (A parallel Append would not keep that order; the server
  // pool turns it off, see database.ts.) Each group is cut to the budget on its own (a top-N sort
  // in memory), and "_g" keeps the groups' order explicit where the rows are ordered again below.
  const picked =
    selection.groups.length === 1
      ? group(selection.groups[0] ?? [], 0)
      : `${selection.groups.map((g, i) => `(${group(g, i)})`).join(' UNION ALL ')}
       LIMIT ${budget + 1}`
  // Two steps: choose by narrow rows (row address and sort keys), then fetch what the tile shows
  // for the chosen ones only. Sorting wide rows (geometry, names) for a cut tile overflowed
  // work_mem and spilled to disk: 400 of 570 ms for a z12 tile over 100 000 segments.
  const ctes = `
    picked AS (${picked}
    ), kept AS (
      SELECT t.geom_3857 AS geom, ${columns.join(', ')}
        FROM ${sql.from}
       WHERE t.ctid = ANY(ARRAY(SELECT _tid FROM picked ORDER BY ${keyOrder} LIMIT ${budget}))
    )`
  return { params, ctes, columns: layer.tileFields.map((n) => `"${n}"`), geom, envelope, buffered, version, budget }
}

/** A rendered tile and the layer version it shows. */
export interface VersionedTile {
  /** Uncompressed protobuf; an empty tile is a zero-length buffer. */
  mvt: Buffer
  /** The layer's version in the snapshot the tile was read from (see `layerVersion`). */
  version: number
  /** True when the budget cut the tile: it then also carries the TRUNCATED_LAYER marker. */
  truncated: boolean
}

/** One layer's Mapbox Vector Tile (uncompressed protobuf); an empty tile is a zero-length buffer. */
export async function renderTile(
  db: Database,
  layer: LayerDefinition,
  tile: TileAddress,
  filter: FeatureFilter,
  options: TileEncoder | TileOptions = {},
): Promise<Buffer> {
  return (await renderVersionedTile(db, layer, tile, filter, options)).mvt
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
  options: TileEncoder | TileOptions = {},
): Promise<VersionedTile> {
  const { encoder = defaultTileEncoder(db), budget = TILE_FEATURE_BUDGET } =
    typeof options === 'string' ? { encoder: options } : options
  return encoder === 'postgis'
    ? renderWithPostgis(db, layer, tile, filter, budget)
    : renderInNode(db, layer, tile, filter, budget)
}

/** The ST_AsMVT statement for one tile and its bound values (also run by the benchmark's pgbench floor). */
export function postgisTileQuery(
  layer: LayerDefinition,
  tile: TileAddress,
  filter: FeatureFilter,
  budget = TILE_FEATURE_BUDGET,
): { text: string; values: unknown[] } {
  const { params, ctes, columns, geom, envelope, version } = tileQueryParts(layer, tile, filter, budget)
  const cut = `(SELECT count(*) FROM picked) > ${budget}`
  // The tile travels as raw bytes: the query asks for binary results (see renderWithPostgis).
  // OFFSET 0 keeps PostgreSQL from pushing `geom IS NOT NULL` below the select list, where it
  // computed ST_AsMVTGeom a second time for every feature (a third of a dense tile's time).
  const text = `WITH ${ctes}
     SELECT ${version} AS v, ${cut} AS truncated,
            COALESCE((SELECT ST_AsMVT(mvt.*, '${layer.id}', ${TILE_EXTENT}, 'geom') FROM (
                SELECT ST_AsMVTGeom(${geom}, ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom, ${columns.join(', ')}
                  FROM kept OFFSET 0) mvt WHERE geom IS NOT NULL), ''::bytea)
         || CASE WHEN ${cut} THEN (SELECT ST_AsMVT(m.*, '${TRUNCATED_LAYER}', ${TILE_EXTENT}, 'geom') FROM (
                SELECT ST_AsMVTGeom(ST_Centroid(${envelope}), ${envelope}, ${TILE_EXTENT}, 0, false) AS geom,
                       '${layer.id}'::text AS layer, ${budget}::int AS budget) m)
            ELSE ''::bytea END AS tile`
  return { text, values: params.values }
}

async function renderWithPostgis(
  db: Database,
  layer: LayerDefinition,
  tile: TileAddress,
  filter: FeatureFilter,
  budget: number,
): Promise<VersionedTile> {
  const { text, values } = postgisTileQuery(layer, tile, filter, budget)
  // Binary results: the tile arrives as one Buffer. As text (base64) a dense tile was encoded by
  // PostgreSQL, held as a 200-400 kB string on V8's heap and decoded into a second copy (docs/tiles.md).
  // node-pg decodes every field as UTF-8 even in binary mode (brianc/node-postgres#3495), so pg-protocol
  // and pg carry a small patch (patches/) that hands binary fields over as bytes.
  const { rows } = await preparedQuery<{ v: string; truncated: boolean; tile: Buffer | null }>(
    db,
    'tile',
    text,
    values,
    tilePlanning(tile),
    { binary: true },
  )
  const row = rows[0]
  return {
    mvt: row?.tile ?? Buffer.alloc(0),
    version: Number(row?.v ?? 0),
    truncated: row?.truncated ?? false,
  }
}

/**
 * Up to z9 a tile is planned for its own box: such a tile spans much of the city, so reading the
 * whole table in one pass may beat the index, and planning (~1 ms) is nothing next to running it.
 * From z10 on the statement keeps a generic plan: each budget group is a scan of its class's
 * partial index under a top-N sort, whatever the box holds, so planning per tile bought nothing
 * measurable at 100k and 1M segments (z10–z13, same connection, alternating) and cost 1.0–1.4 ms
 * against 0.2–0.4 ms per small tile (bench/README.md, issue 19).
 */
export function tilePlanning(tile: TileAddress): 'once' | 'each' {
  return tile.z <= CUSTOM_PLAN_MAX_ZOOM ? 'each' : 'once'
}
const CUSTOM_PLAN_MAX_ZOOM = 9

/**
 * Tile-space geometry in SQL: clip to the buffered tile, scale to 0…4096 with y pointing down, snap
 * to integers. Exterior rings are made clockwise in EPSG:3857 first, which the y flip turns into
 * the positive-area exterior rings MVT requires.
 */
async function renderInNode(
  db: Database,
  layer: LayerDefinition,
  tile: TileAddress,
  filter: FeatureFilter,
  budget: number,
): Promise<VersionedTile> {
  const { params, ctes, columns, geom, envelope, buffered, version } = tileQueryParts(layer, tile, filter, budget)
  const clipped = layer.geometryType === 'Point' ? geom : `ST_ForcePolygonCW(ST_ClipByBox2D(${geom}, ${buffered}))`
  const e = envelope
  const { rows: out } = await preparedQuery<{ v: string; truncated: boolean; features: string | null }>(
    db,
    'tile',
    `WITH ${ctes}, projected AS (
       SELECT ST_SnapToGrid(ST_Affine(${clipped},
                ${TILE_EXTENT} / (ST_XMax(${e}) - ST_XMin(${e})), 0, 0,
                -${TILE_EXTENT} / (ST_YMax(${e}) - ST_YMin(${e})),
                -ST_XMin(${e}) * ${TILE_EXTENT} / (ST_XMax(${e}) - ST_XMin(${e})),
                ST_YMax(${e}) * ${TILE_EXTENT} / (ST_YMax(${e}) - ST_YMin(${e}))), 1) AS g,
              ${columns.join(', ')}
         FROM kept
     )
     SELECT ${version} AS v, (SELECT count(*) FROM picked) > ${budget} AS truncated,
            json_agg(json_build_array(ST_AsGeoJSON(g, 0)::json,
              json_build_object(${layer.tileFields.map((n) => `'${n}', "${n}"`).join(', ')})))::text AS features
       FROM projected
      WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)
        AND (GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') OR ST_Area(g) > 0)`,
    params.values,
    tilePlanning(tile),
  )
  const row = out[0]
  const truncated = row?.truncated ?? false
  const layers: Record<string, { features: VtFeature[] }> = {}
  const features: VtFeature[] = []
  for (const [geometry, tags] of JSON.parse(row?.features ?? '[]') as [Geometry, Record<string, unknown>][]) {
    const feature = toVtFeature(geometry, tags)
    if (feature) features.push(feature)
  }
  if (features.length > 0) layers[layer.id] = { features }
  if (truncated) {
    const centre: [number, number] = [TILE_EXTENT / 2, TILE_EXTENT / 2]
    layers[TRUNCATED_LAYER] = { features: [{ type: 1, geometry: [centre], tags: { layer: layer.id, budget } }] }
  }
  const result = { mvt: Buffer.alloc(0), version: Number(row?.v ?? 0), truncated }
  if (Object.keys(layers).length === 0) return result
  const pbf = fromGeojsonVt(layers as never, { version: 2, extent: TILE_EXTENT })
  return { ...result, mvt: Buffer.from(pbf.buffer, pbf.byteOffset, pbf.byteLength) }
}
