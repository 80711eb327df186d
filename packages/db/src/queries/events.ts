import type { ChangeEvent, StatusChange } from '@onemap/domain/change-event'
import { findLayer } from '@onemap/domain/layers'
import type { EventEntity } from '@onemap/domain/statuses'
import type { Database } from '../database.ts'
import { layerVersionSql } from './catalogue.ts'
import { suspension } from './progress.ts'

/** A row with the planner-only fields added. */
export interface FullEvent extends StatusChange {
  actor: string
  note: string | null
  /** The event this one reverses (an undo), else null. */
  undoes?: number | null
}

/** The public columns of a status event `e` (a StatusChange). */
export const E_COLUMNS = `e.id::int AS id, e.entity, e.entity_id AS "entityId", e.from_status AS "from", e.to_status AS "to",
  e.happened_on::text AS "happenedOn", to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt", e.kind`

/**
 * The public name of a status event's item, from its current row (a segment is named by its road; an item
 * an import deleted has none): the live event and the wall's ticker name items with these, alike.
 */
export const ITEM_NAME_JOINS = `LEFT JOIN facilities f ON e.entity = 'facility' AND f.id = e.entity_id
  LEFT JOIN road_segments s ON e.entity = 'road_segment' AND s.id = e.entity_id
  LEFT JOIN roads r ON r.id = s.road_id`
export const ITEM_NAME_ZH = 'coalesce(f.name_zh, r.name_zh)'
export const ITEM_NAME_COLUMNS = `${ITEM_NAME_ZH} AS "nameZh", coalesce(f.name_en, r.name_en) AS "nameEn"`

const FULL_COLUMNS = `${E_COLUMNS}, e.actor, e.note, e.undoes::int AS undoes`

/** The catalogue's versionSources of a change's layer as an SQL array of constants (never request input). */
const sourcesOf = (layer: ChangeEvent['layer']) =>
  `ARRAY[${(findLayer(layer)?.versionSources ?? [layer]).map((t) => `'${t}'`).join(', ')}]`

// The audit row as the live stream carries it: with the layer it touched and that layer's current version,
// and the item's name as the wall's ticker names it (ITEM_NAME_JOINS, shared with db/queries/wall.ts), so a screen
// writes the ticker line from the event. The version is the catalogue layer's (layerVersionSql: the sum over its
// versionSources, road_segments + roads for a segment), the number tile URLs carry, not its table's alone: a road
// renamed between two edits moves the tiles too. Tables without a version row (never expected: migration 002
// seeds them) count 0, so the change itself is still delivered.
// A segment's state after the change (SegmentStateWire: null fields stripped, the length unrounded so the
// client rounds it as the table does) rides along for subscribers that ask for it; a split has none.
const SEGMENT_STATE = `CASE WHEN s.id IS NOT NULL AND e.kind <> 'split' THEN json_strip_nulls(json_build_object(
    'status', s.status, 'version', s.version, 'lengthM', s.length_m, 'category', r.class,
    'plannedStart', s.planned_start::text, 'plannedFinish', s.planned_finish::text,
    'actualStart', s.actual_start::text, 'actualFinish', s.actual_finish::text,
    'revisedStart', s.revised_start::text, 'revisedFinish', s.revised_finish::text,
    'suspendedFrom', susp."suspendedFrom", 'suspendedSince', susp."suspendedSince")) END AS item`
const CHANGE_FROM = `${E_COLUMNS}, l.layer, ${layerVersionSql('l.sources')}::int AS "layerVersion", ${ITEM_NAME_COLUMNS}, ${SEGMENT_STATE}
  FROM status_events e
  CROSS JOIN LATERAL (
    SELECT CASE e.entity WHEN 'road_segment' THEN 'road_segments' ELSE 'facilities' END AS layer,
           CASE e.entity WHEN 'road_segment' THEN ${sourcesOf('road_segments')} ELSE ${sourcesOf('facilities')} END AS sources
  ) l
  ${ITEM_NAME_JOINS}
  ${suspension('road_segment', 's')}`

type ChangeRow = Omit<ChangeEvent, 'item'> & { item: ChangeEvent['item'] | null }

// Facilities and splits have no item state: the field is left out, not null.
const changeEvent = ({ item, ...event }: ChangeRow): ChangeEvent => (item ? { ...event, item } : event)

/** Changes with id greater than `afterId`, oldest first, at most `limit` (live catch-up after a reconnect). */
export async function changeEventsAfter(db: Database, afterId: number, limit: number): Promise<ChangeEvent[]> {
  const { rows } = await db.query<ChangeRow>(`SELECT ${CHANGE_FROM} WHERE e.id > $1 ORDER BY e.id LIMIT $2`, [
    afterId,
    limit,
  ])
  return rows.map(changeEvent)
}

/** One change by its event id (a live notification names the id), or null when it is not (yet) visible. */
export async function changeEventById(db: Database, id: number): Promise<ChangeEvent | null> {
  const { rows } = await db.query<ChangeRow>(`SELECT ${CHANGE_FROM} WHERE e.id = $1`, [id])
  return rows[0] ? changeEvent(rows[0]) : null
}

/** How many events follow `afterId`, counting no further than `cap` (a huge backlog costs `cap` index rows). */
export async function countEventsAfter(db: Database, afterId: number, cap: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM (SELECT 1 FROM status_events WHERE id > $1 ORDER BY id LIMIT $2) AS s',
    [afterId, cap],
  )
  return rows[0]?.n ?? 0
}

/** The newest event id, 0 when the log is empty. */
export async function latestEventId(db: Database): Promise<number> {
  const { rows } = await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM status_events')
  return rows[0]?.id ?? 0
}

/**
 * The copies a split writes into its parts (see splitRoadSegment): history the parts inherited, not
 * changes. The split itself is the one 'split' event on the parent.
 */
const SPLIT_COPY = `(e.kind = 'split' AND e.note LIKE 'copied from %')`

export interface ChangesOptions {
  includePrivate: boolean
  limit: number
  /** Last site date to include (ISO); open when absent. */
  until?: string | undefined
  /** Also list seed and import rows (loaded history, not changes made on site). */
  includeLoaded?: boolean | undefined
}

/**
 * Changes that happened on site from `since` (ISO date, the event's happened_on) on, newest first.
 * Seed and import rows are left out unless asked for, the copies a split writes are always left out,
 * and so are an undone edit and its undo (together they changed nothing). Actor and note only when asked for.
 */
export async function changesSince(
  db: Database,
  since: string,
  options: ChangesOptions,
): Promise<(StatusChange | FullEvent)[]> {
  const columns = options.includePrivate ? FULL_COLUMNS : E_COLUMNS
  const { rows } = await db.query<StatusChange | FullEvent>(
    `SELECT ${columns} FROM status_events e
      WHERE e.happened_on >= $1::date AND ($2::date IS NULL OR e.happened_on <= $2::date)
        AND ($3 OR e.kind NOT IN ('seed', 'import')) AND NOT ${SPLIT_COPY}
        AND e.undoes IS NULL AND NOT EXISTS (SELECT 1 FROM status_events u WHERE u.undoes = e.id)
      ORDER BY e.happened_on DESC, e.id DESC LIMIT $4`,
    [since, options.until ?? null, options.includeLoaded ?? false, options.limit],
  )
  return rows
}

/** The history of one item, oldest first, with planner-only fields when asked for. */
export async function itemHistory(
  db: Database,
  entity: EventEntity,
  id: string,
  includePrivate: boolean,
): Promise<(StatusChange | FullEvent)[]> {
  const columns = includePrivate ? FULL_COLUMNS : E_COLUMNS
  const { rows } = await db.query<StatusChange | FullEvent>(
    `SELECT ${columns} FROM status_events e WHERE e.entity = $1 AND e.entity_id = $2 ORDER BY e.happened_on, e.id`,
    [entity, id],
  )
  return rows
}
