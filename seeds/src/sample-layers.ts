import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ClientBase } from 'pg'
import { MARK_SAMPLE_SOURCES_SQL, SAMPLE_INSERT_SQL, type SampleTable } from '@onemap/db/queries/sample-load'
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
      throw new Error(
        `Sample layer file data/${file} is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
      )
    }
    out[key as keyof SampleLayers] = parsed.data
  }
  return out as SampleLayers
}

/** Flattens features to rows for json_to_recordset: the properties plus the geometry as a json column. */
function rows<P extends object>(fc: { features: { properties: P; geometry: unknown }[] }): string {
  return JSON.stringify(fc.features.map((f) => ({ ...f.properties, geometry: f.geometry })))
}

interface LayerInsert {
  layer: SampleTable
  file: string
  params: () => unknown[]
}

/** The parameters of each set-based insert (SQL in @onemap/db/queries/sample-load), in load order. */
function inserts(layers: SampleLayers): LayerInsert[] {
  return [
    { layer: 'zone_boundary', file: 'zone-boundary.geojson', params: () => [rows(layers.zoneBoundary)] },
    { layer: 'sub_districts', file: 'sub-districts.geojson', params: () => [rows(layers.subDistricts)] },
    { layer: 'renewal_zones', file: 'renewal-zone.geojson', params: () => [rows(layers.renewalZone)] },
    { layer: 'renewal_units', file: 'renewal-units.geojson', params: () => [rows(layers.renewalUnits)] },
    { layer: 'rivers', file: 'rivers.geojson', params: () => [rows(layers.rivers)] },
    { layer: 'water_bodies', file: 'water-bodies.geojson', params: () => [rows(layers.waterBodies)] },
    { layer: 'roads', file: 'road-segments.geojson', params: () => [JSON.stringify(distinctRoads(layers))] },
    { layer: 'road_segments', file: 'road-segments.geojson', params: () => [rows(layers.roadSegments), SAMPLE_ACTOR] },
    { layer: 'facilities', file: 'facilities.geojson', params: () => [rows(layers.facilities), SAMPLE_ACTOR] },
    {
      layer: 'status_events',
      file: 'status-events.json',
      params: () => [JSON.stringify(layers.statusEvents.map((e, n) => ({ ...e, n }))), SAMPLE_ACTOR],
    },
  ]
}

/** The roads table holds each road once; its segments must agree on the road's attributes. */
function distinctRoads(layers: SampleLayers) {
  const roads = new Map<
    string,
    { id: string; name_zh: string; name_en: string; class: string; red_line_width_m: number }
  >()
  for (const { properties: p } of layers.roadSegments.features) {
    const road = {
      id: p.road_id,
      name_zh: p.road_name_zh,
      name_en: p.road_name_en,
      class: p.road_class,
      red_line_width_m: p.red_line_width_m,
    }
    const seen = roads.get(p.road_id)
    if (seen && JSON.stringify(seen) !== JSON.stringify(road)) {
      throw new Error(
        `Road segment '${p.id}' disagrees with other segments of road '${p.road_id}' on its name, class or width`,
      )
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
      const result = await client.query(SAMPLE_INSERT_SQL[step.layer], step.params())
      counts[step.layer] = result.rowCount ?? 0
    } catch (err) {
      throw new Error(
        `Loading the sample layer '${step.layer}' from data/${step.file} failed: ${(err as Error).message}`,
        {
          cause: err,
        },
      )
    }
    if (step.layer !== 'status_events')
      sources.push({ layer: step.layer, source: `data/${step.file} hand-digitised sample` })
  }
  await client.query(MARK_SAMPLE_SOURCES_SQL, [JSON.stringify(sources)])
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
