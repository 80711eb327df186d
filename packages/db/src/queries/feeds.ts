import type { EventEntity, EventKind } from '@onemap/domain/statuses'
import type { Database } from '../database.ts'
import { areaOf } from './places.ts'

/**
 * The public changes behind the Atom feeds (/feeds/…): status changes with public fields only — never
 * the actor or the planner's note — newest entered first.
 */

/** What a feed follows: the whole programme, one sub-district, one facility or one road (all its segments). */
export type FeedScope =
  | { kind: 'programme' }
  | { kind: 'sub_district'; code: string }
  | { kind: 'facility'; id: string }
  | { kind: 'road'; id: string }

export interface FeedEntryRow {
  id: number
  entity: EventEntity
  entityId: string
  /** The road a segment belongs to; null for a facility. */
  roadId: string | null
  nameZh: string
  nameEn: string
  from: string | null
  to: string
  happenedOn: string
  /** ISO timestamp the change was entered. */
  recordedAt: string
  kind: EventKind
}

export interface FeedSubject {
  nameZh: string
  nameEn: string
}

// Events of items that still exist (a segment replaced by a split has no current row to link to).
const EVENTS = `
  FROM status_events e
  LEFT JOIN facilities f ON e.entity = 'facility' AND f.id = e.entity_id
  LEFT JOIN road_segments s ON e.entity = 'road_segment' AND s.id = e.entity_id
  LEFT JOIN roads r ON r.id = s.road_id
 WHERE (f.id IS NOT NULL OR s.id IS NOT NULL)`

const COLUMNS = `e.id::int AS id, e.entity, e.entity_id AS "entityId", s.road_id AS "roadId",
  COALESCE(f.name_zh, r.name_zh) AS "nameZh", COALESCE(f.name_en, r.name_en) AS "nameEn",
  e.from_status AS "from", e.to_status AS "to", e.happened_on::text AS "happenedOn",
  to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt", e.kind`

/** SQL condition of a scope on the joined event row; `$1` is the scope's key when it has one. */
function scopeCondition(scope: FeedScope): string {
  switch (scope.kind) {
    case 'programme':
      return 'COALESCE(f.in_programme, s.in_programme)'
    case 'facility':
      return `e.entity = 'facility' AND e.entity_id = $1`
    case 'road':
      return `e.entity = 'road_segment' AND s.road_id = $1`
    case 'sub_district':
      // Placed by the rule the progress figures use (places.ts): a facility's point, a segment's midpoint.
      return `CASE WHEN e.entity = 'facility' THEN ${areaOf('sub_districts', 'f.geom')}
                   ELSE ${areaOf('sub_districts', 'ST_LineInterpolatePoint(s.geom, 0.5)')} END = $1`
  }
}

const scopeKey = (scope: FeedScope): string[] =>
  scope.kind === 'sub_district' ? [scope.code] : scope.kind === 'programme' ? [] : [scope.id]

/** The newest `limit` public changes in a scope, newest entered first. */
export async function feedEntries(db: Database, scope: FeedScope, limit: number): Promise<FeedEntryRow[]> {
  const key = scopeKey(scope)
  const { rows } = await db.query<FeedEntryRow>(
    `SELECT ${COLUMNS} ${EVENTS} AND ${scopeCondition(scope)}
      ORDER BY e.recorded_at DESC, e.id DESC LIMIT $${key.length + 1}`,
    [...key, limit],
  )
  return rows
}

/** The name of what a scope follows, or null when no such sub-district, facility or road exists. */
export async function feedSubject(db: Database, scope: FeedScope): Promise<FeedSubject | null> {
  if (scope.kind === 'programme') return { nameZh: '三年计划', nameEn: 'Three-year programme' }
  const table = {
    sub_district: 'sub_districts WHERE code = $1',
    facility: 'facilities WHERE id = $1',
    road: 'roads WHERE id = $1',
  }[scope.kind]
  const { rows } = await db.query<FeedSubject>(
    `SELECT name_zh AS "nameZh", name_en AS "nameEn" FROM ${table}`,
    scopeKey(scope),
  )
  return rows[0] ?? null
}
