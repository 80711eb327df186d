import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ClientBase } from 'pg'
import type { LayerId } from '@onemap/domain/layers'
import { DATA_DIR } from './digitise/paths.ts'
import { SAMPLE_LAYER_FILES, type SampleLayers } from './sample-layer-schemas.ts'

export type { SampleLayers } from './sample-layer-schemas.ts'

/** Who the seed's rows and status events are attributed to. */
export const SAMPLE_ACTOR = 'sample-data'

/** Reads and validates every sample layer file in data/ (or `dir`); throws naming the file and feature at fault. */
export function readSampleLayers(dir: string = DATA_DIR): SampleLayers {
  const out: Partial<Record<keyof SampleLayers, unknown>> = {}
  for (const [key, { file, schema }] of Object.entries(SAMPLE_LAYER_FILES)) {
    let json: unknown
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    } catch (err) {
      throw new Error(`Sample layer file data/${file} cannot be read as JSON: ${(err as Error).message}`)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`Sample layer file data/${file} is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`)
    }
    out[key as keyof SampleLayers] = parsed.data
  }
  return out as SampleLayers
}

/** Flattens features to rows for json_to_recordset: the properties plus the geometry as a json column. */
function rows<P extends object>(fc: { features: { properties: P; geometry: unknown }[] }): string {
  return JSON.stringify(fc.features.map((f) => ({ ...f.properties, geometry: f.geometry })))
}

/** The geometry expression of the set-based inserts: GeoJSON is lon/lat on CGCS2000 (EPSG:4490). */
const GEOM = 'ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4490)'

interface LayerInsert {
  layer: LayerId | 'status_events'
  file: string
  sql: string
  params: () => unknown[]
}

/** One INSERT … SELECT FROM json_to_recordset per table: a single round trip per layer. */
function inserts(layers: SampleLayers): LayerInsert[] {
  const dates = 'planned_start date, planned_finish date, actual_start date, actual_finish date'
  return [
    {
      layer: 'zone_boundary',
      file: 'zone-boundary.geojson',
      sql: `INSERT INTO zone_boundary (id, code, name_zh, name_en, geom)
            SELECT r.id, r.code, r.name_zh, r.name_en, ST_Multi(${GEOM})
            FROM json_to_recordset($1::json) AS r(id text, code text, name_zh text, name_en text, geometry json)`,
      params: () => [rows(layers.zoneBoundary)],
    },
    {
      layer: 'sub_districts',
      file: 'sub-districts.geojson',
      sql: `INSERT INTO sub_districts (code, name_zh, name_en, geom)
            SELECT r.code, r.name_zh, r.name_en, ST_Multi(${GEOM})
            FROM json_to_recordset($1::json) AS r(code text, name_zh text, name_en text, geometry json)`,
      params: () => [rows(layers.subDistricts)],
    },
    {
      layer: 'renewal_zones',
      file: 'renewal-zone.geojson',
      sql: `INSERT INTO renewal_zones (id, name_zh, name_en, geom)
            SELECT r.id, r.name_zh, r.name_en, ST_Multi(${GEOM})
            FROM json_to_recordset($1::json) AS r(id text, name_zh text, name_en text, geometry json)`,
      params: () => [rows(layers.renewalZone)],
    },
    {
      layer: 'renewal_units',
      file: 'renewal-units.geojson',
      sql: `INSERT INTO renewal_units (id, zone_id, name_zh, name_en, geom)
            SELECT r.id, r.zone_id, r.name_zh, r.name_en, ST_Multi(${GEOM})
            FROM json_to_recordset($1::json) AS r(id text, zone_id text, name_zh text, name_en text, geometry json)`,
      params: () => [rows(layers.renewalUnits)],
    },
    {
      layer: 'rivers',
      file: 'rivers.geojson',
      sql: `INSERT INTO rivers (id, name_zh, name_en, geom, river_chief, river_chief_is_sample, note)
            SELECT r.id, r.name_zh, r.name_en, ST_Multi(${GEOM}), r.river_chief, r.river_chief_is_sample, r.note
            FROM json_to_recordset($1::json)
              AS r(id text, name_zh text, name_en text, river_chief text, river_chief_is_sample boolean, note text, geometry json)`,
      params: () => [rows(layers.rivers)],
    },
    {
      layer: 'water_bodies',
      file: 'water-bodies.geojson',
      sql: `INSERT INTO water_bodies (id, name_zh, name_en, geom)
            SELECT r.id, r.name_zh, r.name_en, ST_Multi(${GEOM})
            FROM json_to_recordset($1::json) AS r(id text, name_zh text, name_en text, geometry json)`,
      params: () => [rows(layers.waterBodies)],
    },
    {
      layer: 'roads',
      file: 'road-segments.geojson',
      sql: `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m)
            SELECT r.id, r.name_zh, r.name_en, r.class, r.red_line_width_m
            FROM json_to_recordset($1::json) AS r(id text, name_zh text, name_en text, class text, red_line_width_m numeric)`,
      params: () => [JSON.stringify(distinctRoads(layers))],
    },
    {
      layer: 'road_segments',
      file: 'road-segments.geojson',
      sql: `INSERT INTO road_segments (id, road_id, geom, status, planned_start, planned_finish, actual_start, actual_finish,
                                       in_programme, updated_by)
            SELECT r.id, r.road_id, ${GEOM}, r.status, r.planned_start, r.planned_finish, r.actual_start, r.actual_finish,
                   r.in_programme, $2
            FROM json_to_recordset($1::json)
              AS r(id text, road_id text, status text, ${dates}, in_programme boolean, geometry json)`,
      params: () => [rows(layers.roadSegments), SAMPLE_ACTOR],
    },
    {
      layer: 'facilities',
      file: 'facilities.geojson',
      sql: `INSERT INTO facilities (id, kind, name_zh, name_en, geom, capacity, capacity_unit, status,
                                    planned_start, planned_finish, actual_start, actual_finish, is_real, in_programme, updated_by)
            SELECT r.id, r.kind, r.name_zh, r.name_en, ${GEOM}, r.capacity, r.capacity_unit, r.status,
                   r.planned_start, r.planned_finish, r.actual_start, r.actual_finish, r.is_real, r.in_programme, $2
            FROM json_to_recordset($1::json)
              AS r(id text, kind text, name_zh text, name_en text, capacity integer, capacity_unit text, status text,
                   ${dates}, is_real boolean, in_programme boolean, geometry json)`,
      params: () => [rows(layers.facilities), SAMPLE_ACTOR],
    },
    {
      layer: 'status_events',
      file: 'status-events.json',
      // n keeps the file's (chronological) order in the event ids.
      sql: `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind, note)
            SELECT r.entity, r.entity_id, r."from", r."to", r.happened_on, $2, 'seed', r.note
            FROM json_to_recordset($1::json)
              AS r(entity text, entity_id text, "from" text, "to" text, happened_on date, note text, n integer)
            ORDER BY r.n`,
      params: () => [JSON.stringify(layers.statusEvents.map((e, n) => ({ ...e, n }))), SAMPLE_ACTOR],
    },
  ]
}

/** The roads table holds each road once; its segments must agree on the road's attributes. */
function distinctRoads(layers: SampleLayers) {
  const roads = new Map<string, { id: string; name_zh: string; name_en: string; class: string; red_line_width_m: number }>()
  for (const { properties: p } of layers.roadSegments.features) {
    const road = { id: p.road_id, name_zh: p.road_name_zh, name_en: p.road_name_en, class: p.road_class, red_line_width_m: p.red_line_width_m }
    const seen = roads.get(p.road_id)
    if (seen && JSON.stringify(seen) !== JSON.stringify(road)) {
      throw new Error(`Road segment '${p.id}' disagrees with other segments of road '${p.road_id}' on its name, class or width`)
    }
    roads.set(p.road_id, road)
  }
  return [...roads.values()]
}

/**
 * Writes every sample layer, the layer_sources rows marking them as samples, and the seed's status
 * history. Runs on the caller's client so the caller's transaction makes it all-or-nothing.
 * Returns the number of rows written per table.
 */
export async function loadSampleLayers(client: ClientBase, layers: SampleLayers): Promise<Record<string, number>> {
  checkEventsReferToItems(layers)
  const counts: Record<string, number> = {}
  const sources: { layer: string; source: string }[] = []
  for (const step of inserts(layers)) {
    try {
      const result = await client.query(step.sql, step.params())
      counts[step.layer] = result.rowCount ?? 0
    } catch (err) {
      throw new Error(`Loading the sample layer '${step.layer}' from data/${step.file} failed: ${(err as Error).message}`, {
        cause: err,
      })
    }
    if (step.layer !== 'status_events') sources.push({ layer: step.layer, source: `data/${step.file} hand-digitised sample` })
  }
  await client.query(
    `INSERT INTO layer_sources (layer, is_sample, source)
     SELECT r.layer, true, r.source FROM json_to_recordset($1::json) AS r(layer text, source text)
     ON CONFLICT (layer) DO UPDATE SET is_sample = true, source = EXCLUDED.source, loaded_at = now()`,
    [JSON.stringify(sources)],
  )
  return counts
}

/** A history entry for an unknown road segment or facility is a data error, caught before anything is written. */
function checkEventsReferToItems(layers: SampleLayers) {
  const ids = {
    road_segment: new Set(layers.roadSegments.features.map((f) => f.properties.id)),
    facility: new Set(layers.facilities.features.map((f) => f.properties.id)),
  }
  for (const e of layers.statusEvents) {
    if (!ids[e.entity].has(e.entity_id)) {
      throw new Error(`Sample status event on ${e.happened_on} refers to unknown ${e.entity} '${e.entity_id}'`)
    }
  }
}
