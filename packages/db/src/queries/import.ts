import type pg from 'pg'
import type { LayerId } from '@onemap/domain/layers'
import type { Database } from '../database.ts'

/**
 * The SQL of an import. Features are first loaded into a temporary staging table inside the import's
 * transaction, checked there (duplicate ids, invalid geometry, references), then merged into the layer in
 * a few set-based statements. Every identifier below comes from IMPORT_TARGETS, never from the file.
 */

export const IMPORT_LAYERS = [
  'road_segments',
  'facilities',
  'rivers',
  'water_bodies',
  'sub_districts',
  'renewal_units',
] as const satisfies readonly LayerId[]
export type ImportLayer = (typeof IMPORT_LAYERS)[number]

interface ImportTarget {
  readonly idColumn: string
  /** Attribute columns, named as the staging attrs keys. */
  readonly columns: readonly string[]
  /** PostGIS type name the table stores, and how a repaired geometry is coerced back to it. */
  readonly geometryType: 'POINT' | 'LINESTRING' | 'MULTILINESTRING' | 'MULTIPOLYGON'
  readonly coerce: (geom: string) => string
  /** Entity of the status-event log, for layers with a tracked status. */
  readonly entity?: 'road_segment' | 'facility'
}

const SCHEDULE = ['planned_start', 'planned_finish', 'actual_start', 'actual_finish', 'in_programme']

export const IMPORT_TARGETS: Record<ImportLayer, ImportTarget> = {
  road_segments: {
    idColumn: 'id',
    columns: ['road_id', 'status', ...SCHEDULE],
    geometryType: 'LINESTRING',
    // ST_MakeValid may split a self-overlapping line; merge it back, and reject it if it stays in parts.
    coerce: (g) => `ST_LineMerge(ST_CollectionExtract(${g}, 2))`,
    entity: 'road_segment',
  },
  facilities: {
    idColumn: 'id',
    columns: ['kind', 'name_zh', 'name_en', 'capacity', 'capacity_unit', 'status', 'is_real', ...SCHEDULE],
    geometryType: 'POINT',
    coerce: (g) => `ST_GeometryN(ST_CollectionExtract(${g}, 1), 1)`,
    entity: 'facility',
  },
  rivers: {
    idColumn: 'id',
    columns: ['name_zh', 'name_en', 'river_chief', 'note'],
    geometryType: 'MULTILINESTRING',
    coerce: (g) => `ST_Multi(ST_CollectionExtract(${g}, 2))`,
  },
  water_bodies: {
    idColumn: 'id',
    columns: ['name_zh', 'name_en'],
    geometryType: 'MULTIPOLYGON',
    coerce: (g) => `ST_Multi(ST_CollectionExtract(${g}, 3))`,
  },
  sub_districts: {
    idColumn: 'code',
    columns: ['name_zh', 'name_en'],
    geometryType: 'MULTIPOLYGON',
    coerce: (g) => `ST_Multi(ST_CollectionExtract(${g}, 3))`,
  },
  renewal_units: {
    idColumn: 'id',
    columns: ['zone_id', 'name_zh', 'name_en'],
    geometryType: 'MULTIPOLYGON',
    coerce: (g) => `ST_Multi(ST_CollectionExtract(${g}, 3))`,
  },
}

/** One feature ready for staging: geometry as GeoJSON in EPSG:4490, attributes keyed by column. */
export interface StagedFeature {
  ord: number
  where: string
  id: string
  attrs: Record<string, unknown>
  geojson: string
}

/** A feature the database checks turned away (or, for repairs, changed), named by id and position. */
export interface FeatureNote {
  where: string
  id: string
  reason: string
}

type Client = pg.ClientBase

export async function createStaging(client: Client): Promise<void> {
  await client.query(`CREATE TEMP TABLE import_staging (
      ord integer PRIMARY KEY, where_ text NOT NULL, id text NOT NULL, attrs jsonb NOT NULL,
      geom geometry NOT NULL, repaired text
    ) ON COMMIT DROP`)
}

export async function stageFeatures(client: Client, rows: readonly StagedFeature[]): Promise<void> {
  if (rows.length === 0) return
  await client.query(
    `INSERT INTO import_staging (ord, where_, id, attrs, geom)
     SELECT o, w, i, a, ST_SetSRID(ST_GeomFromGeoJSON(g), 4490)
     FROM unnest($1::int[], $2::text[], $3::text[], $4::jsonb[], $5::text[]) AS t(o, w, i, a, g)`,
    [
      rows.map((r) => r.ord),
      rows.map((r) => r.where),
      rows.map((r) => r.id),
      rows.map((r) => JSON.stringify(r.attrs)),
      rows.map((r) => r.geojson),
    ],
  )
}

/** Ids that occur more than once in the file. */
export async function findDuplicateIds(client: Client): Promise<FeatureNote[]> {
  const { rows } = await client.query<{ id: string; wheres: string[] }>(
    `SELECT id, array_agg(where_ ORDER BY ord) AS wheres FROM import_staging GROUP BY id HAVING count(*) > 1 ORDER BY min(ord) LIMIT 1000`,
  )
  return rows.map((r) => ({
    where: r.wheres.join(', '),
    id: r.id,
    reason: `id '${r.id}' occurs ${r.wheres.length} times (${r.wheres.join(', ')})`,
  }))
}

/**
 * Repairs invalid geometries with ST_MakeValid and returns what was repaired and why it was invalid,
 * plus the features whose repair no longer fits the layer (e.g. a line that fell apart), which are rejected.
 */
export async function repairGeometries(
  client: Client,
  layer: ImportLayer,
): Promise<{ repaired: FeatureNote[]; rejected: FeatureNote[] }> {
  const target = IMPORT_TARGETS[layer]
  const repaired = await client.query<{ where_: string; id: string; repaired: string }>(
    `UPDATE import_staging SET repaired = ST_IsValidReason(geom), geom = ST_MakeValid(geom)
     WHERE NOT ST_IsValid(geom) RETURNING where_, id, repaired`,
  )
  await client.query(`UPDATE import_staging SET geom = ${target.coerce('geom')} WHERE repaired IS NOT NULL`)
  const rejected = await client.query<{ where_: string; id: string; type: string | null }>(
    `SELECT where_, id, GeometryType(geom) AS type FROM import_staging
     WHERE repaired IS NOT NULL AND (geom IS NULL OR ST_IsEmpty(geom) OR GeometryType(geom) <> $1) ORDER BY ord`,
    [target.geometryType],
  )
  return {
    repaired: repaired.rows.map((r) => ({
      where: r.where_,
      id: r.id,
      reason: `invalid geometry repaired with ST_MakeValid: ${r.repaired}`,
    })),
    rejected: rejected.rows.map((r) => ({
      where: r.where_,
      id: r.id,
      reason: `invalid geometry cannot be repaired into a ${target.geometryType.toLowerCase()} (ST_MakeValid gave ${r.type ?? 'nothing'})`,
    })),
  }
}

/**
 * Reference checks of road segments: a segment names its road by id or by name (matched to an existing
 * road's Chinese name); a road new to the database needs a name, class and red-line width somewhere in
 * the file, and one road may not be given two classes or widths.
 */
export async function checkRoadReferences(client: Client): Promise<FeatureNote[]> {
  await client.query(
    `UPDATE import_staging s SET attrs = s.attrs || jsonb_build_object('road_id',
       COALESCE((SELECT r.id FROM roads r WHERE r.name_zh = s.attrs->>'road_name_zh' ORDER BY r.id LIMIT 1), s.attrs->>'road_name_zh'))
     WHERE NOT s.attrs ? 'road_id'`,
  )
  const conflicts = await client.query<{ road_id: string; wheres: string[]; classes: string[]; widths: string[] }>(
    `SELECT attrs->>'road_id' AS road_id, array_agg(where_ ORDER BY ord) AS wheres,
            array_agg(DISTINCT attrs->>'class') FILTER (WHERE attrs ? 'class') AS classes,
            array_agg(DISTINCT (attrs->>'red_line_width_m')::numeric::text) FILTER (WHERE attrs ? 'red_line_width_m') AS widths
     FROM import_staging GROUP BY 1
     HAVING count(DISTINCT attrs->>'class') > 1 OR count(DISTINCT (attrs->>'red_line_width_m')::numeric) > 1`,
  )
  const missing = await client.query<{ where_: string; id: string; road_id: string }>(
    `SELECT s.where_, s.id, s.attrs->>'road_id' AS road_id FROM import_staging s
     WHERE NOT EXISTS (SELECT 1 FROM roads r WHERE r.id = s.attrs->>'road_id')
       AND NOT EXISTS (SELECT 1 FROM import_staging t WHERE t.attrs->>'road_id' = s.attrs->>'road_id'
                         AND t.attrs ?& ARRAY['road_name_zh', 'class', 'red_line_width_m'])
     ORDER BY s.ord LIMIT 1000`,
  )
  return [
    ...conflicts.rows.map((r) => ({
      where: r.wheres.join(', '),
      id: r.road_id,
      reason: `road '${r.road_id}' is given different classes (${(r.classes ?? []).join(', ')}) or red-line widths (${(r.widths ?? []).join(', ')})`,
    })),
    ...missing.rows.map((r) => ({
      where: r.where_,
      id: r.id,
      reason: `road '${r.road_id}' is not in the database and no feature gives its name, class and red-line width`,
    })),
  ]
}

/** Renewal units belong to a renewal zone: named by zone_id, or the only zone when there is exactly one. */
export async function checkZoneReferences(client: Client): Promise<FeatureNote[]> {
  const { rows } = await client.query<{ where_: string; id: string; zone_id: string | null; zones: number }>(
    `SELECT s.where_, s.id, s.attrs->>'zone_id' AS zone_id, (SELECT count(*)::int FROM renewal_zones) AS zones
     FROM import_staging s
     WHERE CASE WHEN s.attrs ? 'zone_id' THEN NOT EXISTS (SELECT 1 FROM renewal_zones z WHERE z.id = s.attrs->>'zone_id')
                ELSE (SELECT count(*) FROM renewal_zones) <> 1 END
     ORDER BY s.ord LIMIT 1000`,
  )
  if (rows.length === 0) {
    await client.query(
      `UPDATE import_staging SET attrs = attrs || jsonb_build_object('zone_id', (SELECT id FROM renewal_zones))
       WHERE NOT attrs ? 'zone_id'`,
    )
  }
  return rows.map((r) => ({
    where: r.where_,
    id: r.id,
    reason: r.zone_id
      ? `renewal zone '${r.zone_id}' does not exist`
      : `names no renewal zone (field zone_id) and the database holds ${r.zones} zones`,
  }))
}

/**
 * Mean offset in degrees of the file's features from the rows with the same ids already stored (centroid
 * to centroid). A consistent +0.006° lon / −0.001° lat says the file is GCJ-02 declared as WGS84.
 */
export async function offsetFromStored(
  client: Client,
  layer: ImportLayer,
): Promise<{ matched: number; dLon: number; dLat: number }> {
  const t = IMPORT_TARGETS[layer]
  const { rows } = await client.query<{ matched: number; dlon: number | null; dlat: number | null }>(
    `SELECT count(*)::int AS matched,
            avg(ST_X(ST_Centroid(s.geom)) - ST_X(ST_Centroid(t.geom)))::float8 AS dlon,
            avg(ST_Y(ST_Centroid(s.geom)) - ST_Y(ST_Centroid(t.geom)))::float8 AS dlat
     FROM import_staging s JOIN ${layer} t ON t.${t.idColumn} = s.id`,
  )
  const r = rows[0]
  return { matched: r?.matched ?? 0, dLon: r?.dlon ?? 0, dLat: r?.dlat ?? 0 }
}

/**
 * Row count and checksum of everything an import may change for a layer (its table, roads, the event
 * log and layer_sources), for tests that prove a failed import left the database untouched.
 */
export async function importFingerprint(db: Database, layer: ImportLayer): Promise<{ rows: number; checksum: string }> {
  const tables = [
    layer,
    ...(layer === 'road_segments' ? ['roads'] : []),
    'status_events',
    'layer_sources',
    'layer_versions',
  ]
  const parts = await Promise.all(
    tables.map(async (table) => {
      const { rows } = await db.query<{ n: number; sum: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM ${table} t`,
      )
      return rows[0] ?? { n: 0, sum: null }
    }),
  )
  return { rows: parts.reduce((a, p) => a + p.n, 0), checksum: parts.map((p) => p.sum ?? '-').join(':') }
}
