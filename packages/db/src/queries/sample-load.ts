import type { LayerId } from '@onemap/domain/layers'

/**
 * Set-based inserts of the seed's sample layers: each statement takes the whole layer as one JSON
 * array ($1, rows of properties plus a `geometry` member in GeoJSON) and inserts it in one round trip,
 * which keeps seeding fast on the embedded backend. GeoJSON is lon/lat on CGCS2000 (EPSG:4490).
 * `$2`, where present, is the account the rows are attributed to.
 */
const GEOM = 'ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4490)'
const DATES = 'planned_start date, planned_finish date, actual_start date, actual_finish date'

export type SampleTable = LayerId | 'status_events'

export const SAMPLE_INSERT_SQL: Record<SampleTable, string> = {
  zone_boundary: `INSERT INTO zone_boundary (id, code, name_zh, name_en, geom)
    SELECT r.id, r.code, r.name_zh, r.name_en, ST_Multi(${GEOM})
    FROM json_to_recordset($1::json) AS r(id text, code text, name_zh text, name_en text, geometry json)`,
  sub_districts: `INSERT INTO sub_districts (code, name_zh, name_en, geom)
    SELECT r.code, r.name_zh, r.name_en, ST_Multi(${GEOM})
    FROM json_to_recordset($1::json) AS r(code text, name_zh text, name_en text, geometry json)`,
  renewal_zones: `INSERT INTO renewal_zones (id, name_zh, name_en, geom)
    SELECT r.id, r.name_zh, r.name_en, ST_Multi(${GEOM})
    FROM json_to_recordset($1::json) AS r(id text, name_zh text, name_en text, geometry json)`,
  renewal_units: `INSERT INTO renewal_units (id, zone_id, name_zh, name_en, geom)
    SELECT r.id, r.zone_id, r.name_zh, r.name_en, ST_Multi(${GEOM})
    FROM json_to_recordset($1::json) AS r(id text, zone_id text, name_zh text, name_en text, geometry json)`,
  rivers: `INSERT INTO rivers (id, name_zh, name_en, geom, river_chief, river_chief_is_sample, note)
    SELECT r.id, r.name_zh, r.name_en, ST_Multi(${GEOM}), r.river_chief, r.river_chief_is_sample, r.note
    FROM json_to_recordset($1::json)
      AS r(id text, name_zh text, name_en text, river_chief text, river_chief_is_sample boolean, note text, geometry json)`,
  water_bodies: `INSERT INTO water_bodies (id, name_zh, name_en, geom)
    SELECT r.id, r.name_zh, r.name_en, ST_Multi(${GEOM})
    FROM json_to_recordset($1::json) AS r(id text, name_zh text, name_en text, geometry json)`,
  // Rows without geometry: one per road, attributes shared by its segments.
  roads: `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m)
    SELECT r.id, r.name_zh, r.name_en, r.class, r.red_line_width_m
    FROM json_to_recordset($1::json) AS r(id text, name_zh text, name_en text, class text, red_line_width_m numeric)`,
  road_segments: `INSERT INTO road_segments (id, road_id, geom, status, planned_start, planned_finish, actual_start, actual_finish,
                             in_programme, updated_by)
    SELECT r.id, r.road_id, ${GEOM}, r.status, r.planned_start, r.planned_finish, r.actual_start, r.actual_finish,
           r.in_programme, $2
    FROM json_to_recordset($1::json)
      AS r(id text, road_id text, status text, ${DATES}, in_programme boolean, geometry json)`,
  facilities: `INSERT INTO facilities (id, kind, name_zh, name_en, geom, capacity, capacity_unit, status,
                          planned_start, planned_finish, actual_start, actual_finish, is_real, in_programme, updated_by)
    SELECT r.id, r.kind, r.name_zh, r.name_en, ${GEOM}, r.capacity, r.capacity_unit, r.status,
           r.planned_start, r.planned_finish, r.actual_start, r.actual_finish, r.is_real, r.in_programme, $2
    FROM json_to_recordset($1::json)
      AS r(id text, kind text, name_zh text, name_en text, capacity integer, capacity_unit text, status text,
           ${DATES}, is_real boolean, in_programme boolean, geometry json)`,
  // n is the row's position in the file, so event ids follow the file's chronological order.
  status_events: `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind, note)
    SELECT r.entity, r.entity_id, r."from", r."to", r.happened_on, $2, 'seed', r.note
    FROM json_to_recordset($1::json)
      AS r(entity text, entity_id text, "from" text, "to" text, happened_on date, note text, n integer)
    ORDER BY r.n`,
}

/** Marks the given layers (JSON array of {layer, source}) as holding the sample. */
export const MARK_SAMPLE_SOURCES_SQL = `INSERT INTO layer_sources (layer, is_sample, source)
  SELECT r.layer, true, r.source FROM json_to_recordset($1::json) AS r(layer text, source text)
  ON CONFLICT (layer) DO UPDATE SET is_sample = true, source = EXCLUDED.source, loaded_at = now()`
