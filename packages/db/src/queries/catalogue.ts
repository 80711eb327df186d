import { LAYERS, type LayerDefinition, type MapLayerId } from '@onemap/domain/layers'
import type { Database } from '../database.ts'

/**
 * How each catalogue layer reads from SQL. Every identifier here is a constant: request input only
 * ever chooses a key of this map, never text that reaches the query.
 */
export interface LayerSql {
  /** FROM clause; the layer's table is aliased `t`. */
  readonly from: string
  /** The layer's own table aliased `t`, when `from` joins others: enough to count or choose rows by `t` alone. */
  readonly table?: string
  /** The feature id expression (text). */
  readonly id: string
  /** SQL expression per public field; numerics are cast to float8 so JSON and tiles get numbers. */
  readonly columns: Readonly<Record<string, string>>
  /** Status log entity for features.get history, when the layer has one. */
  readonly eventEntity?: 'road_segment' | 'facility'
}

const plain = (...names: string[]) => Object.fromEntries(names.map((n) => [n, `t.${n}`]))
const dates = plain(
  'planned_start',
  'planned_finish',
  'actual_start',
  'actual_finish',
  'in_programme',
  'revised_start',
  'revised_finish',
)

/** The newest event that suspended a suspended item (null otherwise): its previous status and its day. */
const suspension = (entity: 'road_segment' | 'facility') => {
  const newest = (column: string) => `CASE WHEN t.status = 'suspended' THEN (SELECT ${column} FROM status_events e
      WHERE e.entity = '${entity}' AND e.entity_id = t.id AND e.to_status = 'suspended'
        AND e.from_status IS DISTINCT FROM 'suspended'
      ORDER BY e.happened_on DESC, e.id DESC LIMIT 1) END`
  return { suspended_from: newest('e.from_status'), suspended_since: newest('e.happened_on') }
}

export const LAYER_SQL: Record<MapLayerId, LayerSql> = {
  zone_boundary: { from: 'zone_boundary t', id: 't.id', columns: plain('id', 'code', 'name_zh', 'name_en') },
  sub_districts: { from: 'sub_districts t', id: 't.code', columns: plain('code', 'name_zh', 'name_en') },
  renewal_zones: {
    from: 'renewal_zones t',
    id: 't.id',
    columns: { ...plain('id', 'name_zh', 'name_en'), area_km2: 'round(t.area_km2::numeric, 4)::float8' },
  },
  renewal_units: {
    from: 'renewal_units t',
    id: 't.id',
    columns: { ...plain('id', 'zone_id', 'name_zh', 'name_en'), area_km2: 'round(t.area_km2::numeric, 4)::float8' },
  },
  water_bodies: { from: 'water_bodies t', id: 't.id', columns: plain('id', 'name_zh', 'name_en') },
  rivers: {
    from: 'rivers t',
    id: 't.id',
    columns: plain('id', 'name_zh', 'name_en', 'river_chief', 'river_chief_is_sample'),
  },
  road_segments: {
    // Name and class belong to the road; a segment is one buildable stretch of it.
    from: 'road_segments t JOIN roads r ON r.id = t.road_id',
    table: 'road_segments t',
    id: 't.id',
    columns: {
      ...plain('id', 'road_id'),
      name_zh: 'r.name_zh',
      name_en: 'r.name_en',
      class: 't.class',
      red_line_width_m: 'r.red_line_width_m::float8',
      status: 't.status',
      length_m: 'round(t.length_m::numeric, 1)::float8',
      ...dates,
      ...suspension('road_segment'),
    },
    eventEntity: 'road_segment',
  },
  facilities: {
    from: 'facilities t',
    id: 't.id',
    columns: {
      ...plain('id', 'kind', 'name_zh', 'name_en', 'capacity', 'capacity_unit', 'status', 'is_real'),
      ...dates,
      ...suspension('facility'),
    },
    eventEntity: 'facility',
  },
}

/** `json_build_object('a', expr, …)` over the given fields of a layer. */
export function jsonProperties(
  layer: LayerDefinition,
  fields: readonly string[] = layer.fields.map((f) => f.name),
): string {
  const sql = LAYER_SQL[layer.id]
  return `json_build_object(${fields.map((name) => `'${name}', ${sql.columns[name]}`).join(', ')})`
}

export interface LayerStats {
  layer: MapLayerId
  /** Sum of the versions of the tables the layer reads; grows on every write to any of them. */
  version: number
  count: number
  /** [west, south, east, north] in degrees, null for an empty layer. */
  extent: [number, number, number, number] | null
  /** True while the layer holds the hand-digitised sample rather than imported authoritative data. */
  isSample: boolean
  /** Where the layer's rows came from (layer_sources.source), null when nothing was loaded. */
  source: string | null
}

/**
 * Scalar subquery giving a layer's version as text; `sources` is the placeholder bound to
 * `layer.versionSources`. Tile statements embed it so a tile and its version come from one snapshot.
 */
export function layerVersionSql(sources: string): string {
  return `(SELECT COALESCE(sum(version), 0)::text FROM layer_versions WHERE layer = ANY(${sources}::text[]))`
}

/** Current version of one layer (one small query; tile caches are keyed by it). */
export async function layerVersion(db: Database, layer: LayerDefinition): Promise<number> {
  // Prepared once per connection: it runs before every unversioned tile request that may hit the cache.
  const { rows } = await db.query<{ v: string }>({
    name: 'onemap_layer_version',
    text: `SELECT ${layerVersionSql('$1')} AS v`,
    values: [layer.versionSources],
  })
  return Number(rows[0]?.v ?? 0)
}

interface CountExtent {
  version: number
  count: number
  extent: LayerStats['extent']
}

/**
 * Count and extent per database and layer, at the version they were computed for: they change
 * only with the layer's version, and counting a city of a million segments takes most of a second.
 */
const countExtentCache = new WeakMap<Database, Map<MapLayerId, { version: number; result: Promise<CountExtent> }>>()

/** Count and extent of one layer, with the version they belong to read in the same statement. */
async function countExtent(db: Database, layer: LayerDefinition): Promise<CountExtent> {
  const { rows } = await db.query<{ v: string; n: number; w: number | null; s: number; e: number; nn: number }>(
    `SELECT ${layerVersionSql('$1')} AS v, count(*)::int AS n,
            ST_XMin(ST_Extent(t.geom)) AS w, ST_YMin(ST_Extent(t.geom)) AS s,
            ST_XMax(ST_Extent(t.geom)) AS e, ST_YMax(ST_Extent(t.geom)) AS nn
       FROM ${LAYER_SQL[layer.id].table ?? LAYER_SQL[layer.id].from}`,
    [layer.versionSources],
  )
  const r = rows[0]
  return {
    version: Number(r?.v ?? 0),
    count: r?.n ?? 0,
    extent: r && r.w !== null ? [r.w, r.s, r.e, r.nn] : null,
  }
}

/**
 * Version, feature count and extent of every catalogue layer. One small query reads the versions
 * and sources; counts and extents are recomputed only for layers whose version moved.
 */
export async function layerStats(db: Database): Promise<LayerStats[]> {
  // db.query, not db.pool: on the read replica's Database (OGC items) the versions must come from the
  // replica like the counts, or a lagging replica's counts would be cached under the primary's version.
  const { rows } = await db.query<{ layer: MapLayerId; v: string; sample: boolean | null; source: string | null }>({
    name: 'onemap_layer_stats_versions',
    text: LAYERS.map(
      (layer, i) =>
        `SELECT '${layer.id}' AS layer, ${layerVersionSql(`$${i + 1}`)} AS v,
                (SELECT is_sample FROM layer_sources WHERE layer = '${layer.id}') AS sample,
                (SELECT source FROM layer_sources WHERE layer = '${layer.id}') AS source`,
    ).join('\nUNION ALL\n'),
    values: LAYERS.map((l) => l.versionSources),
  })
  let cache = countExtentCache.get(db)
  if (!cache) countExtentCache.set(db, (cache = new Map()))
  return Promise.all(
    rows.map(async (r) => {
      const layer = LAYERS.find((l) => l.id === r.layer) as LayerDefinition
      const version = Number(r.v)
      let entry = cache.get(layer.id)
      if (!entry || entry.version !== version) {
        const result = countExtent(db, layer)
        entry = { version, result }
        cache.set(layer.id, entry)
        // A failed count must not stay cached: the next request tries again.
        result.catch(() => cache.get(layer.id) === entry && cache.delete(layer.id))
      }
      const facts = await entry.result
      return {
        layer: layer.id,
        version: facts.version,
        count: facts.count,
        extent: facts.extent,
        isSample: r.sample ?? false,
        source: r.source,
      }
    }),
  )
}

/**
 * The count and extent last computed for `layer`, of whatever version, without a round trip: for
 * hints (how to plan a statement) where a count from before the latest edit serves as well. Reads
 * them through layerStats when none were computed yet.
 */
export async function lastKnownCountExtent(
  db: Database,
  layer: LayerDefinition,
): Promise<Pick<LayerStats, 'count' | 'extent'> | undefined> {
  const entry = countExtentCache.get(db)?.get(layer.id)
  const known = entry ? await entry.result.catch(() => undefined) : undefined
  return known ?? (await layerStats(db)).find((s) => s.layer === layer.id)
}

/** The version of every layer table (layer_versions), for callers that follow its notifications. */
export async function tableVersions(db: Database): Promise<Map<string, number>> {
  const { rows } = await db.query<{ layer: string; version: string }>('SELECT layer, version::text FROM layer_versions')
  return new Map(rows.map((r) => [r.layer, Number(r.version)]))
}
