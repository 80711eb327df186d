import { FACILITY_DURATION_DAYS, FACILITIES } from './facilities.ts'
import { SUB_DISTRICTS, ZONE_RING } from './districts.ts'
import { feature, featureCollectionText, jsonLinesArrayText, type Feature } from './geojson.ts'
import { randomInt, seededRandom } from './prng.ts'
import { renewalLayout } from './renewal.ts'
import { roadSegmentRecords } from './road-segments.ts'
import { ROAD_AXES } from './roads.ts'
import { facilityTimeline, makePlan, type Dates, type Step } from './timeline.ts'
import { RIVERS, WATER_BODIES } from './water.ts'

/** Fixed seed of the one pseudo-random stream behind every invented date and status. */
const SEED = 20200802

export interface StatusEventRecord {
  entity: 'road_segment' | 'facility'
  entity_id: string
  from: string | null
  to: string
  happened_on: string
  note: string
}

const CAPACITY_UNIT = {
  school: 'seats',
  kindergarten: 'places',
  hospital: 'beds',
  clinic: 'beds',
  public_health: null,
} as const

function events(entity: StatusEventRecord['entity'], entityId: string, steps: Step<string>[]): StatusEventRecord[] {
  return steps.map((s) => ({ entity, entity_id: entityId, from: s.from, to: s.to, happened_on: s.on, note: s.note }))
}

/** Builds every sample layer; returns file name (relative to data/) → exact file text. */
export function digitiseAll(): Map<string, string> {
  const random = seededRandom(SEED)
  const files = new Map<string, string>()
  const history: StatusEventRecord[] = []

  files.set(
    'zone-boundary.geojson',
    featureCollectionText([
      feature(
        {
          id: 'gaoxin',
          code: '410172',
          name_zh: '郑州高新技术产业开发区',
          name_en: 'Zhengzhou High-tech Industrial Development Zone',
        },
        { type: 'Polygon', coordinates: [ZONE_RING] },
      ),
    ]),
  )
  files.set(
    'sub-districts.geojson',
    featureCollectionText(
      SUB_DISTRICTS.map((d) =>
        feature({ code: d.code, name_zh: d.name_zh, name_en: d.name_en }, { type: 'Polygon', coordinates: [d.ring] }),
      ),
    ),
  )

  const renewal = renewalLayout()
  files.set(
    'renewal-zone.geojson',
    featureCollectionText([
      feature(
        {
          id: 'renewal-south',
          name_zh: '南部产城更新区',
          name_en: 'Southern industrial renewal zone',
          area_km2_epsg4547: Math.round(renewal.areaKm2 * 1000) / 1000,
        },
        { type: 'Polygon', coordinates: [renewal.zoneRing] },
      ),
    ]),
  )
  files.set(
    'renewal-units.geojson',
    featureCollectionText(
      renewal.unitRings.map((ring, i) =>
        feature(
          {
            id: `renewal-south-u${i + 1}`,
            zone_id: 'renewal-south',
            name_zh: `南部产城更新第${i + 1}单元`,
            name_en: `Southern renewal unit ${i + 1}`,
          },
          { type: 'Polygon', coordinates: [ring] },
        ),
      ),
    ),
  )

  files.set(
    'rivers.geojson',
    featureCollectionText(
      RIVERS.map((r) =>
        feature(
          {
            id: r.id,
            name_zh: r.name_zh,
            name_en: r.name_en,
            river_chief: r.river_chief,
            river_chief_is_sample: true,
            note: r.note,
          },
          { type: 'MultiLineString', coordinates: r.parts },
        ),
      ),
    ),
  )
  files.set(
    'water-bodies.geojson',
    featureCollectionText(
      WATER_BODIES.map((w) =>
        feature({ id: w.id, name_zh: w.name_zh, name_en: w.name_en }, { type: 'Polygon', coordinates: [w.ring] }),
      ),
    ),
  )

  const segments = roadSegmentRecords(random, ROAD_AXES)
  files.set(
    'road-segments.geojson',
    featureCollectionText(
      segments.map((s) => {
        history.push(...events('road_segment', s.id, s.steps))
        return feature(
          {
            id: s.id,
            road_id: s.road.id,
            road_name_zh: s.road.name_zh,
            road_name_en: s.road.name_en,
            road_class: s.road.class,
            red_line_width_m: s.road.red_line_width_m,
            status: s.status,
            ...s.dates,
            in_programme: s.in_programme,
          },
          { type: 'LineString', coordinates: s.line },
        )
      }),
    ),
  )

  const facilities: Feature<unknown>[] = FACILITIES.map((f) => {
    let status: string = 'in_service'
    let dates: Dates = { planned_start: null, planned_finish: null, actual_start: null, actual_finish: null }
    if (f.outcome !== 'existing') {
      const [min, max] = FACILITY_DURATION_DAYS[f.kind]
      const timeline = facilityTimeline(
        random,
        makePlan(random, randomInt(random, min, max), f.fixedStart),
        f.outcome,
        f.fixedStart,
      )
      status = timeline.status
      dates = timeline.dates
      history.push(...events('facility', f.id, timeline.steps))
    }
    return feature(
      {
        id: f.id,
        kind: f.kind,
        name_zh: f.name_zh,
        name_en: f.name_en,
        capacity: f.capacity,
        capacity_unit: f.capacity === null ? null : CAPACITY_UNIT[f.kind],
        status,
        ...dates,
        is_real: f.is_real,
        in_programme: f.outcome !== 'existing',
        accuracy_m: f.accuracy_m,
      },
      { type: 'Point', coordinates: f.at },
    )
  })
  files.set('facilities.geojson', featureCollectionText(facilities))

  // Chronological, ties kept in a fixed order so the file is stable.
  const ordered = history
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.happened_on < b.e.happened_on ? -1 : a.e.happened_on > b.e.happened_on ? 1 : a.i - b.i))
    .map(({ e }) => e)
  files.set('status-events.json', jsonLinesArrayText(ordered))
  return files
}
