import type { EventEntity, FacilityKind, RoadClass } from '@onemap/domain/statuses'
import type { Database } from '../database.ts'
import { anchorPoint, areaOf } from './places.ts'

/** The programme window the goals are measured in (ISO dates). */
export interface ProgrammeWindow {
  id: string
  windowStart: string
  deadline: string
}

/** The programme with the latest deadline, or null in a database that was never seeded. */
export async function loadProgrammeWindow(db: Database): Promise<ProgrammeWindow | null> {
  const { rows } = await db.query<ProgrammeWindow>(
    `SELECT id, window_start::text AS "windowStart", deadline::text AS deadline
       FROM programme ORDER BY deadline DESC, id LIMIT 1`,
  )
  return rows[0] ?? null
}

interface PlaceColumns {
  subDistrictCode: string | null
  subDistrictName: string | null
  renewalUnitId: string | null
  renewalUnitName: string | null
}

export interface RoadItemRow extends PlaceColumns {
  id: string
  roadId: string
  nameZh: string
  nameEn: string
  roadClass: RoadClass
  lengthM: number
  status: string
  suspendedFrom: string | null
  plannedStart: string | null
  plannedFinish: string | null
  actualStart: string | null
  actualFinish: string | null
  /** The revised plan (调整计划), null when none is recorded; planned* stay the 2020 baseline. */
  revisedStart: string | null
  revisedFinish: string | null
  /** Site date of the event that began the current suspension, when suspended. */
  suspendedSince: string | null
  inProgramme: boolean
  version: number
}

export interface FacilityItemRow extends PlaceColumns {
  id: string
  kind: FacilityKind
  nameZh: string
  nameEn: string
  status: string
  suspendedFrom: string | null
  plannedStart: string | null
  plannedFinish: string | null
  actualStart: string | null
  actualFinish: string | null
  /** The revised plan (调整计划), null when none is recorded; planned* stay the 2020 baseline. */
  revisedStart: string | null
  revisedFinish: string | null
  /** Site date of the event that began the current suspension, when suspended. */
  suspendedSince: string | null
  inProgramme: boolean
  version: number
}

// Each item is placed by the rule the feature filter uses (places.ts), so summaries and filtered
// tables count the same items.
const place = (layer: 'road_segments' | 'facilities', alias: string) => {
  const point = anchorPoint(layer, alias) as string
  return `
  LEFT JOIN sub_districts sd ON sd.code = ${areaOf('sub_districts', point)}
  LEFT JOIN renewal_units ru ON ru.id = ${areaOf('renewal_units', point)}`
}
const placeColumns = `sd.code AS "subDistrictCode", sd.name_zh AS "subDistrictName",
  ru.id AS "renewalUnitId", ru.name_zh AS "renewalUnitName"`

// The newest event that suspended a suspended item: the state it left and the day it began.
export const suspension = (entity: EventEntity, alias: string) => `LEFT JOIN LATERAL (
  SELECT e.from_status AS "suspendedFrom", e.happened_on::text AS "suspendedSince" FROM status_events e
   WHERE ${alias}.status = 'suspended' AND e.entity = '${entity}' AND e.entity_id = ${alias}.id
     AND e.to_status = 'suspended' AND e.from_status <> 'suspended' ORDER BY e.happened_on DESC, e.id DESC LIMIT 1) susp ON true`

const dateColumns = (
  a: string,
) => `${a}.planned_start::text AS "plannedStart", ${a}.planned_finish::text AS "plannedFinish",
  ${a}.actual_start::text AS "actualStart", ${a}.actual_finish::text AS "actualFinish",
  ${a}.revised_start::text AS "revisedStart", ${a}.revised_finish::text AS "revisedFinish",
  susp."suspendedFrom", susp."suspendedSince"`

// One statement per entity, with or without the one-id filter ($1) the drawer's single-row reads add.
const roadItemsSql = (
  where: string,
) => `SELECT s.id, s.road_id AS "roadId", r.name_zh AS "nameZh", r.name_en AS "nameEn", r.class AS "roadClass",
            s.length_m AS "lengthM", s.status, ${dateColumns('s')}, s.in_programme AS "inProgramme", s.version, ${placeColumns}
       FROM road_segments s JOIN roads r ON r.id = s.road_id
       ${suspension('road_segment', 's')}
       ${place('road_segments', 's')}
      ${where} ORDER BY s.id`
const facilityItemsSql = (
  where: string,
) => `SELECT f.id, f.kind, f.name_zh AS "nameZh", f.name_en AS "nameEn", f.status, ${dateColumns('f')},
            f.in_programme AS "inProgramme", f.version, ${placeColumns}
       FROM facilities f ${suspension('facility', 'f')} ${place('facilities', 'f')}
      ${where} ORDER BY f.id`

/** Every road segment with its road's class and name, length in metres (CGCS2000 geography) and place. */
export async function loadRoadItems(db: Database): Promise<RoadItemRow[]> {
  return (await db.query<RoadItemRow>(roadItemsSql(''))).rows
}

/** One road segment as loadRoadItems reads it, or null: a drawer showing one row reads one row. */
export async function loadRoadItem(db: Database, id: string): Promise<RoadItemRow | null> {
  return (await db.query<RoadItemRow>(roadItemsSql('WHERE s.id = $1'), [id])).rows[0] ?? null
}

/** Every facility with its kind, status and place. */
export async function loadFacilityItems(db: Database): Promise<FacilityItemRow[]> {
  return (await db.query<FacilityItemRow>(facilityItemsSql(''))).rows
}

/** One facility as loadFacilityItems reads it, or null. */
export async function loadFacilityItem(db: Database, id: string): Promise<FacilityItemRow | null> {
  return (await db.query<FacilityItemRow>(facilityItemsSql('WHERE f.id = $1'), [id])).rows[0] ?? null
}

/** Status events as replay needs them, in effect order (site date, then entry order). */
export async function loadReplayEvents(db: Database) {
  const { rows } = await db.query<{
    id: number
    entity: EventEntity
    entityId: string
    from: string | null
    to: string
    happenedOn: string
  }>(
    `SELECT id::int AS id, entity, entity_id AS "entityId", from_status AS "from", to_status AS "to",
            happened_on::text AS "happenedOn"
       FROM status_events ORDER BY happened_on, id`,
  )
  return rows
}

export interface StatusOnDate {
  entity: EventEntity
  id: string
  /** Status on the date; 'planned' for an item without an event on or before it. */
  status: string
  /** For a suspended item, the status its suspending event left. */
  suspendedFrom: string | null
  /** The newest event in effect on the date, if any. */
  eventId: number | null
  /**
   * The status before the item's first event ('planned' when that event has no `from`), or null
   * when the item has no events at all: the caller rebuilds a date without events from these.
   */
  statusBeforeLog: string | null
}

/**
 * The status of every current road segment and facility at the end of `date`, computed in SQL from
 * the newest event on or before it. A segment split later inherited its parent's events, so it has
 * its parent's history.
 */
export async function statusesOn(db: Database, date: string): Promise<StatusOnDate[]> {
  const { rows } = await db.query<StatusOnDate>(
    `WITH items AS (
       SELECT 'road_segment'::text AS entity, id FROM road_segments
       UNION ALL SELECT 'facility', id FROM facilities),
     latest AS (
       SELECT DISTINCT ON (entity, entity_id) entity, entity_id, from_status, to_status, id
         FROM status_events WHERE happened_on <= $1::date
        ORDER BY entity, entity_id, happened_on DESC, id DESC),
     first AS (
       SELECT DISTINCT ON (entity, entity_id) entity, entity_id, coalesce(from_status, 'planned') AS before
         FROM status_events ORDER BY entity, entity_id, happened_on, id)
     SELECT i.entity, i.id, coalesce(l.to_status, 'planned') AS status,
            CASE WHEN l.to_status = 'suspended' THEN l.from_status END AS "suspendedFrom", l.id::int AS "eventId",
            f.before AS "statusBeforeLog"
       FROM items i LEFT JOIN latest l ON l.entity = i.entity AND l.entity_id = i.id
       LEFT JOIN first f ON f.entity = i.entity AND f.entity_id = i.id
      ORDER BY i.entity, i.id`,
    [date],
  )
  return rows
}

/** When the data last changed: the newest entry in the audit trail, or null for none. */
export async function lastChangeAt(db: Database): Promise<string | null> {
  const { rows } = await db.query<{ at: Date | null }>('SELECT max(recorded_at) AS at FROM status_events')
  return rows[0]?.at ? rows[0].at.toISOString() : null
}
