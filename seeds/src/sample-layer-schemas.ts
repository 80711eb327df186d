import { z } from 'zod'
import { EventEntity, FacilityKind, FacilityStatus, RoadClass, RoadSegmentStatus } from '@onemap/domain/statuses'

/**
 * Shapes of the files in data/. The loader parses every file through these before writing, so a
 * hand edit that breaks a file is reported with its file and feature instead of surfacing as SQL.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
const nullableDate = isoDate.nullable()
const position = z.tuple([z.number().finite(), z.number().finite()])
const line = z.array(position).min(2)
const ring = z.array(position).min(4)

const point = z.object({ type: z.literal('Point'), coordinates: position })
const lineString = z.object({ type: z.literal('LineString'), coordinates: line })
const multiLineString = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1) })
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) })
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
const areal = z.union([polygon, multiPolygon])
const linear = z.union([lineString, multiLineString])

function collection<P extends z.ZodType, G extends z.ZodType>(properties: P, geometry: G) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), properties, geometry })).min(1),
  })
}

const names = { name_zh: z.string().min(1), name_en: z.string().min(1) }

export const ZoneBoundaryFile = collection(
  z.object({ id: z.string().min(1), code: z.string().min(1), ...names }),
  areal,
)
export const SubDistrictsFile = collection(z.object({ code: z.string().min(1), ...names }), areal)
export const RenewalZoneFile = collection(z.object({ id: z.string().min(1), ...names }), areal)
export const RenewalUnitsFile = collection(
  z.object({ id: z.string().min(1), zone_id: z.string().min(1), ...names }),
  areal,
)
export const RiversFile = collection(
  z.object({
    id: z.string().min(1),
    ...names,
    river_chief: z.string().nullable(),
    river_chief_is_sample: z.boolean(),
    note: z.string().nullable(),
  }),
  linear,
)
export const WaterBodiesFile = collection(z.object({ id: z.string().min(1), ...names }), areal)

const dates = {
  planned_start: nullableDate,
  planned_finish: nullableDate,
  actual_start: nullableDate,
  actual_finish: nullableDate,
}

export const RoadSegmentsFile = collection(
  z.object({
    id: z.string().min(1),
    road_id: z.string().min(1),
    road_name_zh: z.string().min(1),
    road_name_en: z.string().min(1),
    road_class: RoadClass,
    red_line_width_m: z.number().positive(),
    status: RoadSegmentStatus,
    ...dates,
    in_programme: z.boolean(),
  }),
  lineString,
)

export const FacilitiesFile = collection(
  z.object({
    id: z.string().min(1),
    kind: FacilityKind,
    ...names,
    capacity: z.number().int().positive().nullable(),
    capacity_unit: z.enum(['seats', 'beds', 'places']).nullable(),
    status: FacilityStatus,
    ...dates,
    is_real: z.boolean(),
    in_programme: z.boolean(),
    accuracy_m: z.number().positive(),
  }),
  point,
)

export const StatusEventsFile = z.array(
  z.object({
    entity: EventEntity,
    entity_id: z.string().min(1),
    from: z.string().min(1).nullable(),
    to: z.string().min(1),
    happened_on: isoDate,
    note: z.string().nullable(),
  }),
)

/** Every sample layer, parsed. Tests build corrupt variants of this to check the seed is all-or-nothing. */
export interface SampleLayers {
  zoneBoundary: z.infer<typeof ZoneBoundaryFile>
  subDistricts: z.infer<typeof SubDistrictsFile>
  renewalZone: z.infer<typeof RenewalZoneFile>
  renewalUnits: z.infer<typeof RenewalUnitsFile>
  rivers: z.infer<typeof RiversFile>
  waterBodies: z.infer<typeof WaterBodiesFile>
  roadSegments: z.infer<typeof RoadSegmentsFile>
  facilities: z.infer<typeof FacilitiesFile>
  statusEvents: z.infer<typeof StatusEventsFile>
}

/** File in data/ and schema of each layer. */
export const SAMPLE_LAYER_FILES = {
  zoneBoundary: { file: 'zone-boundary.geojson', schema: ZoneBoundaryFile },
  subDistricts: { file: 'sub-districts.geojson', schema: SubDistrictsFile },
  renewalZone: { file: 'renewal-zone.geojson', schema: RenewalZoneFile },
  renewalUnits: { file: 'renewal-units.geojson', schema: RenewalUnitsFile },
  rivers: { file: 'rivers.geojson', schema: RiversFile },
  waterBodies: { file: 'water-bodies.geojson', schema: WaterBodiesFile },
  roadSegments: { file: 'road-segments.geojson', schema: RoadSegmentsFile },
  facilities: { file: 'facilities.geojson', schema: FacilitiesFile },
  statusEvents: { file: 'status-events.json', schema: StatusEventsFile },
} as const
