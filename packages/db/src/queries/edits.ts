import type { StatusChange } from '@onemap/domain/change-event'
import type { EventEntity, EventKind } from '@onemap/domain/statuses'
import type pg from 'pg'

/** The table of each tracked entity: a fixed catalogue, never built from input. */
const TABLES: Record<EventEntity, string> = { road_segment: 'road_segments', facility: 'facilities' }

const UPDATED_AT = `to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`

/** What an edit needs to know about an item before changing it. */
export interface EditableItem {
  status: string
  version: number
  suspendedFrom: string | null
  actualStart: string | null
  actualFinish: string | null
  plannedStart: string | null
  plannedFinish: string | null
  revisedStart: string | null
  revisedFinish: string | null
  updatedBy: string
  updatedAt: string
}

/** Who changed the item last, for a CONFLICT answer. */
export interface CurrentVersion {
  version: number
  updatedBy: string
  updatedAt: string
}

export type EditOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; current: CurrentVersion }

/** Reads the item inside the edit's transaction; null when there is none. */
export async function readEditable(
  client: pg.PoolClient,
  entity: EventEntity,
  id: string,
): Promise<EditableItem | null> {
  const { rows } = await client.query<EditableItem>(
    `SELECT t.status, t.version, t.actual_start::text AS "actualStart", t.actual_finish::text AS "actualFinish",
            t.planned_start::text AS "plannedStart", t.planned_finish::text AS "plannedFinish",
            t.revised_start::text AS "revisedStart", t.revised_finish::text AS "revisedFinish",
            t.updated_by AS "updatedBy", ${UPDATED_AT},
            (SELECT e.from_status FROM status_events e WHERE e.entity = $1 AND e.entity_id = t.id
               AND e.to_status = 'suspended' AND e.from_status <> 'suspended'
             ORDER BY e.happened_on DESC, e.id DESC LIMIT 1) AS "suspendedFrom"
       FROM ${TABLES[entity]} t WHERE t.id = $2`,
    [entity, id],
  )
  return rows[0] ?? null
}

/** After an UPDATE matched nothing: tells a missing item from a stale version. */
async function explainMiss(client: pg.PoolClient, entity: EventEntity, id: string): Promise<EditOutcome<never>> {
  const { rows } = await client.query<CurrentVersion>(
    `SELECT version, updated_by AS "updatedBy", ${UPDATED_AT}
       FROM ${TABLES[entity]} WHERE id = $1`,
    [id],
  )
  return rows[0] ? { ok: false, reason: 'conflict', current: rows[0] } : { ok: false, reason: 'not_found' }
}

/** An audit-trail row to write: the public change without its id and entry time, plus actor and note. */
export type EventRow = Omit<StatusChange, 'id' | 'recordedAt'> & {
  actor: string
  note: string | null
  /** The event this one reverses (an undo). */
  undoes?: number | null
}

/** Appends one audit-trail row; must run in the transaction of the change it records. */
export async function insertEvent(client: pg.PoolClient, e: EventRow): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind, note, undoes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::int AS id`,
    [e.entity, e.entityId, e.from, e.to, e.happenedOn, e.actor, e.kind, e.note, e.undoes ?? null],
  )
  return rows[0]!.id
}

/** The newest event of an item with what an undo must check about it. */
export interface LastEvent {
  id: number
  from: string | null
  to: string
  happenedOn: string
  actor: string
  kind: EventKind
  undoes: number | null
  /** Seconds since it was entered (database clock). */
  ageS: number
  /** For a resume from suspension: the state the item was in before that suspension. */
  suspendedFromBefore: string | null
}

/** The item's newest event (by entry order), or null when it has none. */
export async function lastEventOf(client: pg.PoolClient, entity: EventEntity, id: string): Promise<LastEvent | null> {
  const { rows } = await client.query<LastEvent>(
    `SELECT e.id::int AS id, e.from_status AS "from", e.to_status AS "to", e.happened_on::text AS "happenedOn",
            e.actor, e.kind, e.undoes::int AS undoes, extract(epoch FROM now() - e.recorded_at)::float8 AS "ageS",
            (SELECT p.from_status FROM status_events p WHERE p.entity = e.entity AND p.entity_id = e.entity_id
               AND p.id < e.id AND p.to_status = 'suspended' AND p.from_status <> 'suspended'
             ORDER BY p.happened_on DESC, p.id DESC LIMIT 1) AS "suspendedFromBefore"
       FROM status_events e WHERE e.entity = $1 AND e.entity_id = $2 ORDER BY e.id DESC LIMIT 1`,
    [entity, id],
  )
  return rows[0] ?? null
}

export interface StatusWrite {
  entity: EventEntity
  id: string
  expectedVersion: number
  to: string
  actualStart: string | null
  actualFinish: string | null
  actor: string
}

/**
 * Writes a new status only if the item still has `expectedVersion`: the version test sits in the
 * UPDATE itself, so of two concurrent edits from the same version exactly one matches a row.
 */
export async function writeStatus(client: pg.PoolClient, w: StatusWrite): Promise<EditOutcome<{ version: number }>> {
  const { rows } = await client.query<{ version: number }>(
    `UPDATE ${TABLES[w.entity]}
        SET status = $3, actual_start = $4, actual_finish = $5, version = version + 1, updated_at = now(), updated_by = $6
      WHERE id = $1 AND version = $2 RETURNING version`,
    [w.id, w.expectedVersion, w.to, w.actualStart, w.actualFinish, w.actor],
  )
  return rows[0] ? { ok: true, value: rows[0] } : explainMiss(client, w.entity, w.id)
}

export interface RevisedPlanWrite {
  entity: EventEntity
  id: string
  expectedVersion: number
  revisedStart: string | null
  revisedFinish: string | null
  actor: string
}

/**
 * Records a revised plan (调整计划) under the same version rule as writeStatus. The planned_* columns
 * are the 2020 baseline and are never written here.
 */
export async function writeRevisedPlan(
  client: pg.PoolClient,
  w: RevisedPlanWrite,
): Promise<EditOutcome<{ version: number }>> {
  const { rows } = await client.query<{ version: number }>(
    `UPDATE ${TABLES[w.entity]}
        SET revised_start = $3, revised_finish = $4, version = version + 1, updated_at = now(), updated_by = $5
      WHERE id = $1 AND version = $2 RETURNING version`,
    [w.id, w.expectedVersion, w.revisedStart, w.revisedFinish, w.actor],
  )
  return rows[0] ? { ok: true, value: rows[0] } : explainMiss(client, w.entity, w.id)
}

/** Largest distance, in metres, between the clicked split point and the segment. */
export const SPLIT_MAX_DISTANCE_M = 50
/** Smallest part a split may leave, in metres. */
export const SPLIT_MIN_PART_M = 5

export interface SplitRequest {
  id: string
  expectedVersion: number
  /** The split point, CGCS2000 / WGS84 degrees; it is snapped to the nearest point of the segment. */
  lon: number
  lat: number
  actor: string
  today: string
}

export type SplitOutcome =
  | EditOutcome<{ parts: [string, string]; fraction: number; eventIds: number[] }>
  | { ok: false; reason: 'too_far'; distanceM: number }
  | { ok: false; reason: 'too_short'; partM: number }

/**
 * Splits a road segment in two at the point's position along it (ST_LineLocatePoint, then
 * ST_LineSubstring on the same CGCS2000 line, so the cut lies exactly on the snapped point). The
 * parts `<id>.1` and `<id>.2` take the parent's attributes and a copy of every event of its history
 * (kind 'split', the original actor and site date kept, the source event named in the note), so
 * asOf and the timeline count them exactly as they counted the parent. The parent row is removed;
 * its own events stay in the log, closed by a 'split' event naming the parts. `eventIds` are every
 * event it wrote (the copies and the split), so the planner's page skips their echo on the live stream.
 */
export async function splitRoadSegment(client: pg.PoolClient, r: SplitRequest): Promise<SplitOutcome> {
  // Claim the row under the version rule before anything else, so a concurrent edit loses cleanly.
  const claimed = await client.query<{ status: string; fraction: number; distanceM: number; lengthM: number }>(
    `UPDATE road_segments s SET version = version + 1
      WHERE id = $1 AND version = $2
      RETURNING s.status,
        ST_LineLocatePoint(s.geom, ST_SetSRID(ST_MakePoint($3, $4), 4490)) AS fraction,
        ST_Distance(s.geom::geography, ST_SetSRID(ST_MakePoint($3, $4), 4490)::geography) AS "distanceM",
        s.length_m AS "lengthM"`,
    [r.id, r.expectedVersion, r.lon, r.lat],
  )
  const row = claimed.rows[0]
  if (!row) return explainMiss(client, 'road_segment', r.id)
  if (row.distanceM > SPLIT_MAX_DISTANCE_M) return { ok: false, reason: 'too_far', distanceM: row.distanceM }
  const shorter = Math.min(row.fraction, 1 - row.fraction) * row.lengthM
  if (shorter < SPLIT_MIN_PART_M) return { ok: false, reason: 'too_short', partM: shorter }

  const parts: [string, string] = [`${r.id}.1`, `${r.id}.2`]
  await client.query(
    `INSERT INTO road_segments (id, road_id, geom, status, planned_start, planned_finish, actual_start, actual_finish,
                                revised_start, revised_finish, in_programme, version, updated_by)
     SELECT p.id, s.road_id, ST_LineSubstring(s.geom, p.a, p.b), s.status, s.planned_start, s.planned_finish,
            s.actual_start, s.actual_finish, s.revised_start, s.revised_finish, s.in_programme, 1, $4
       FROM road_segments s,
            (VALUES ($2::text, 0::float8, $3::float8), ($5::text, $3::float8, 1::float8)) AS p (id, a, b)
      WHERE s.id = $1`,
    [r.id, parts[0], row.fraction, r.actor, parts[1]],
  )
  const eventIds: number[] = []
  for (const part of parts) {
    const { rows: copies } = await client.query<{ id: number }>(
      `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, recorded_at, actor, kind, note)
       SELECT entity, $2, from_status, to_status, happened_on, recorded_at, actor, 'split', 'copied from ' || entity_id || ' event ' || id
         FROM status_events WHERE entity = 'road_segment' AND entity_id = $1 ORDER BY id
       RETURNING id::int AS id`,
      [r.id, part],
    )
    eventIds.push(...copies.map((c) => c.id))
  }
  const splitEvent = await insertEvent(client, {
    entity: 'road_segment',
    entityId: r.id,
    from: row.status,
    to: row.status,
    happenedOn: r.today,
    actor: r.actor,
    kind: 'split',
    note: `split into ${parts.join(' and ')} at ${(row.fraction * 100).toFixed(1)}% of its length`,
  })
  eventIds.push(splitEvent)
  await client.query('DELETE FROM road_segments WHERE id = $1', [r.id])
  return { ok: true, value: { parts, fraction: row.fraction, eventIds } }
}
