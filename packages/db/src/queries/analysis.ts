import type { FeatureFilter } from '@onemap/domain/layer-filters'
import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import type { Database } from '../database.ts'
import { LAYER_SQL } from './catalogue.ts'
import { filterConditions, Params } from './filters.ts'

/** The layers the planner's tables select from: a fixed catalogue, never built from input. */
export type TableLayer = 'road_segments' | 'facilities'
const TABLE: Record<TableLayer, string> = { road_segments: 'road_segments', facilities: 'facilities' }

/** A river management zone: everything within `distanceM` metres of one river. */
export interface RiverZone {
  riverId: string
  /** Buffer distance in metres, measured on the CGCS2000 ellipsoid (geography). */
  distanceM: number
}

/**
 * Ids of the layer's items matching a feature filter (the same SQL conditions the tiles and
 * features.query use, so table and map agree), optionally only those within a river's zone.
 */
export async function matchingIds(
  db: Database,
  layer: TableLayer,
  filter: FeatureFilter,
  riverZone?: RiverZone,
): Promise<string[]> {
  const params = new Params()
  const where = filterConditions(findLayer(layer) as LayerDefinition, filter, params)
  if (riverZone) {
    // Geography: ST_DWithin then measures metres on the ellipsoid, not degrees.
    where.push(
      `EXISTS (SELECT 1 FROM rivers rv WHERE rv.id = ${params.add(riverZone.riverId)}
                 AND ST_DWithin(rv.geom::geography, t.geom::geography, ${params.add(riverZone.distanceM)}::float8))`,
    )
  }
  const { rows } = await db.query<{ id: string }>(
    `SELECT t.id FROM ${LAYER_SQL[layer].from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.id`,
    params.values,
  )
  return rows.map((r) => r.id)
}

/** True when a river with this id exists (a zone around a missing river is a 404, not an empty list). */
export async function riverExists(db: Database, id: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM rivers WHERE id = $1) AS found', [
    id,
  ])
  return rows[0]?.found ?? false
}

/** Who last changed a segment and its shape, for the planner's detail drawer. */
export interface SegmentDetail {
  id: string
  redLineWidthM: number | null
  updatedBy: string
  updatedAt: string
  /** GeoJSON LineString text in EPSG:4490 degrees. */
  geometry: string
}

/** One segment's planner-only facts, or null when there is none. */
export async function segmentDetail(db: Database, id: string): Promise<SegmentDetail | null> {
  const { rows } = await db.query<SegmentDetail>(
    `SELECT t.id, r.red_line_width_m::float8 AS "redLineWidthM", t.updated_by AS "updatedBy",
            to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt",
            ST_AsGeoJSON(t.geom, 7, 0) AS geometry
       FROM road_segments t JOIN roads r ON r.id = t.road_id WHERE t.id = $1`,
    [id],
  )
  return rows[0] ?? null
}

/** An item's geometry for export: RFC 7946 GeoJSON text (no `crs` member) and WKT, EPSG:4490 degrees. */
export interface ExportGeometry {
  geometry: string
  wkt: string
}

/** Geometries (7 decimals ≈ 1 cm) of the given items of a table layer, by id. */
export async function itemGeometries(
  db: Database,
  layer: TableLayer,
  ids: readonly string[],
): Promise<Map<string, ExportGeometry>> {
  if (ids.length === 0) return new Map()
  // Option 0: ST_AsGeoJSON's default (8) adds a `crs` member for any SRID but 4326, which RFC 7946 forbids.
  const { rows } = await db.query<{ id: string } & ExportGeometry>(
    `SELECT id, ST_AsGeoJSON(geom, 7, 0) AS geometry, ST_AsText(ST_ReducePrecision(geom, 1e-7)) AS wkt
       FROM ${TABLE[layer]} WHERE id = ANY($1::text[]) ORDER BY id`,
    [ids],
  )
  return new Map(rows.map(({ id, ...g }) => [id, g]))
}

/** Who last changed a facility, its size and its location, for the planner's detail drawer. */
export interface FacilityDetail {
  id: string
  capacity: number | null
  capacityUnit: string | null
  isReal: boolean
  updatedBy: string
  updatedAt: string
  /** [lon, lat], EPSG:4490 degrees. */
  lonLat: [number, number]
}

/** One facility's planner-only facts, or null when there is none. */
export async function facilityDetail(db: Database, id: string): Promise<FacilityDetail | null> {
  const { rows } = await db.query<FacilityDetail>(
    `SELECT t.id, t.capacity, t.capacity_unit AS "capacityUnit", t.is_real AS "isReal", t.updated_by AS "updatedBy",
            to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt",
            json_build_array(round(ST_X(t.geom)::numeric, 7)::float8, round(ST_Y(t.geom)::numeric, 7)::float8) AS "lonLat"
       FROM facilities t WHERE t.id = $1`,
    [id],
  )
  return rows[0] ?? null
}
