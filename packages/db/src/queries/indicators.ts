import { INDICATOR_REGISTRY, MILESTONE_REGISTRY } from '@onemap/domain/indicator-registry'
import type { Indicator, IndicatorEventKind, PeriodValue } from '@onemap/domain/indicators'
import type pg from 'pg'
import type { Database } from '../database.ts'

/** An indicator as stored: the registry entry plus its values, oldest period first. */
export interface StoredIndicator extends Indicator {
  values: (PeriodValue & { isSample: boolean; version: number })[]
}

/** A value with who wrote it and when (planner views only). */
export interface ValueDetail extends PeriodValue {
  isSample: boolean
  version: number
  updatedBy: string
  updatedAt: string
}

export interface StoredMilestone {
  id: string
  name_zh: string
  name_en: string
  dueOn: string
  definition_zh: string
  definition_en: string
  source: string
  doneOn: string | null
  evidence: string | null
  version: number
}

/** A pool client inside a transaction, or the database itself. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>
}

const ISO_TIME = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`

/**
 * Writes the code's registry into the database (insert or update the definitions; values stay).
 * Runs at every start, so a corrected definition reaches an existing database. Milestone progress
 * (done_on, evidence) is left as recorded.
 */
export async function syncIndicatorRegistry(client: Queryable): Promise<void> {
  await client.query(
    `INSERT INTO indicators (id, position, category, name_zh, name_en, unit, direction, cadence, pace, allow_negative,
                             targets, definition_zh, definition_en, source)
     SELECT r.id, r.position, r.category, r.name_zh, r.name_en, r.unit, r.direction, r.cadence, r.pace, r."allowNegative",
            r.targets, r.definition_zh, r.definition_en, r.source
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, position int, category text, name_zh text, name_en text, unit text,
            direction text, cadence text, pace text, "allowNegative" boolean, targets jsonb, definition_zh text,
            definition_en text, source text)
     ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, category = EXCLUDED.category, name_zh = EXCLUDED.name_zh,
       name_en = EXCLUDED.name_en, unit = EXCLUDED.unit, direction = EXCLUDED.direction, cadence = EXCLUDED.cadence,
       pace = EXCLUDED.pace, allow_negative = EXCLUDED.allow_negative, targets = EXCLUDED.targets,
       definition_zh = EXCLUDED.definition_zh, definition_en = EXCLUDED.definition_en, source = EXCLUDED.source`,
    [JSON.stringify(INDICATOR_REGISTRY.map((i, position) => ({ ...i, position })))],
  )
  await client.query(
    `INSERT INTO milestones (id, position, name_zh, name_en, due_on, definition_zh, definition_en, source, updated_by)
     SELECT r.id, r.position, r.name_zh, r.name_en, r."dueOn", r.definition_zh, r.definition_en, r.source, 'registry'
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, position int, name_zh text, name_en text, "dueOn" date,
            definition_zh text, definition_en text, source text)
     ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
       due_on = EXCLUDED.due_on, definition_zh = EXCLUDED.definition_zh, definition_en = EXCLUDED.definition_en,
       source = EXCLUDED.source`,
    [JSON.stringify(MILESTONE_REGISTRY.map((m, position) => ({ ...m, position })))],
  )
}

const INDICATOR_COLUMNS = `i.id, i.category, i.name_zh, i.name_en, i.unit, i.direction, i.cadence, i.pace,
  i.allow_negative AS "allowNegative", i.targets, i.definition_zh, i.definition_en, i.source`

/** Every indicator in registry order with its values (public fields only: no actor, no time). */
export async function listIndicators(db: Database): Promise<StoredIndicator[]> {
  const { rows } = await db.query<StoredIndicator>(
    `SELECT ${INDICATOR_COLUMNS},
            coalesce((SELECT json_agg(json_build_object('period', v.period, 'value', v.value::float8,
                        'isSample', v.is_sample, 'version', v.version) ORDER BY v.period)
                        FROM indicator_values v WHERE v.indicator_id = i.id), '[]') AS values
       FROM indicators i ORDER BY i.position`,
  )
  return rows
}

/** One indicator's values with who wrote each and when; null when there is no such indicator. */
export async function indicatorValues(db: Database, id: string): Promise<ValueDetail[] | null> {
  const { rows } = await db.query<ValueDetail & { exists: boolean }>(
    `SELECT v.period, v.value::float8 AS value, v.is_sample AS "isSample", v.version, v.updated_by AS "updatedBy",
            ${ISO_TIME('v.updated_at')} AS "updatedAt"
       FROM indicators i LEFT JOIN indicator_values v ON v.indicator_id = i.id
      WHERE i.id = $1 ORDER BY v.period`,
    [id],
  )
  if (rows.length === 0) return null
  return rows.filter((r) => r.period !== null)
}

/** Every milestone in registry order. */
export async function listMilestones(db: Database): Promise<StoredMilestone[]> {
  const { rows } = await db.query<StoredMilestone>(
    `SELECT id, name_zh, name_en, due_on::text AS "dueOn", definition_zh, definition_en, source,
            done_on::text AS "doneOn", evidence, version
       FROM milestones ORDER BY position`,
  )
  return rows
}

/** One audit row of an indicator value or milestone. */
export interface IndicatorEvent {
  id: number
  subject: 'indicator' | 'milestone'
  subjectId: string
  period: string | null
  from: string | null
  to: string | null
  kind: IndicatorEventKind
  actor: string
  note: string | null
  recordedAt: string
}

/** The audit trail of one indicator or milestone, newest first (planner views only). */
export async function indicatorHistory(
  db: Database,
  subject: 'indicator' | 'milestone',
  id: string,
  limit = 200,
): Promise<IndicatorEvent[]> {
  const { rows } = await db.query<IndicatorEvent>(
    `SELECT id::int AS id, subject, subject_id AS "subjectId", period, from_value AS "from", to_value AS "to", kind, actor, note,
            ${ISO_TIME('recorded_at')} AS "recordedAt"
       FROM indicator_events WHERE subject = $1 AND subject_id = $2 ORDER BY id DESC LIMIT $3`,
    [subject, id, limit],
  )
  return rows
}

/** True when no indicator value was ever written (a new database, before its sample values). */
export async function indicatorValuesEmpty(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM indicator_values) AND NOT EXISTS (SELECT 1 FROM indicator_events) AS empty',
  )
  return rows[0]?.empty ?? false
}
