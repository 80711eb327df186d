import type { IndicatorEventKind } from '@onemap/domain/indicators'
import { formatIndicatorValue } from '@onemap/domain/indicators'
import type pg from 'pg'

/** Who holds the current version, for a CONFLICT answer. */
export interface CurrentValueVersion {
  version: number
  updatedBy: string
  updatedAt: string
}

export type WriteOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; current: CurrentValueVersion }

export interface ValueWrite {
  indicatorId: string
  period: string
  value: number
  /** The version the writer saw; 0 when the period had no value. */
  expectedVersion: number
  actor: string
  kind: IndicatorEventKind
  note: string | null
}

const UPDATED_AT = `to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`

async function appendEvent(
  client: pg.PoolClient,
  e: {
    subject: 'indicator' | 'milestone'
    subjectId: string
    period: string | null
    from: string | null
    to: string | null
    kind: IndicatorEventKind
    actor: string
    note: string | null
  },
): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO indicator_events (subject, subject_id, period, from_value, to_value, kind, actor, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::int AS id`,
    [e.subject, e.subjectId, e.period, e.from, e.to, e.kind, e.actor, e.note],
  )
  return rows[0]!.id
}

/**
 * Enters or corrects one value if the period still has `expectedVersion` (0: no value yet), and
 * appends its audit row in the same transaction. A generated sample value is replaced like any other.
 */
export async function writeIndicatorValue(
  client: pg.PoolClient,
  w: ValueWrite,
): Promise<WriteOutcome<{ version: number; eventId: number }>> {
  const known = await client.query('SELECT 1 FROM indicators WHERE id = $1', [w.indicatorId])
  if (known.rowCount === 0) return { ok: false, reason: 'not_found' }
  const { rows } = await client.query<CurrentValueVersion & { value: string; isSample: boolean }>(
    `SELECT value::text AS value, is_sample AS "isSample", version, updated_by AS "updatedBy", ${UPDATED_AT}
       FROM indicator_values WHERE indicator_id = $1 AND period = $2 FOR UPDATE`,
    [w.indicatorId, w.period],
  )
  const current = rows[0]
  if ((current?.version ?? 0) !== w.expectedVersion) {
    return { ok: false, reason: 'conflict', current: current ?? { version: 0, updatedBy: '—', updatedAt: '—' } }
  }
  const written = current
    ? await client.query<{ version: number }>(
        `UPDATE indicator_values SET value = $3, is_sample = false, version = version + 1, updated_by = $4, updated_at = now()
          WHERE indicator_id = $1 AND period = $2 RETURNING version`,
        [w.indicatorId, w.period, w.value, w.actor],
      )
    : await client.query<{ version: number }>(
        `INSERT INTO indicator_values (indicator_id, period, value, updated_by) VALUES ($1, $2, $3, $4) RETURNING version`,
        [w.indicatorId, w.period, w.value, w.actor],
      )
  const from = current ? `${formatIndicatorValue(Number(current.value))}${current.isSample ? ' (sample)' : ''}` : null
  const eventId = await appendEvent(client, {
    subject: 'indicator',
    subjectId: w.indicatorId,
    period: w.period,
    from,
    to: formatIndicatorValue(w.value),
    kind: w.kind,
    actor: w.actor,
    note: w.note,
  })
  return { ok: true, value: { version: written.rows[0]!.version, eventId } }
}

export interface ImportedValue {
  indicatorId: string
  period: string
  value: number
  note: string | null
}

/**
 * Writes checked import rows as authoritative values (no version test: the bureau's figure wins),
 * one audit row per changed value. Must run in the import's transaction. Unchanged values are skipped.
 */
export async function importIndicatorValues(client: pg.PoolClient, rows: readonly ImportedValue[], actor: string) {
  let inserted = 0
  let updated = 0
  let unchanged = 0
  for (const r of rows) {
    const before = await client.query<{ value: string; isSample: boolean }>(
      'SELECT value::text AS value, is_sample AS "isSample" FROM indicator_values WHERE indicator_id = $1 AND period = $2 FOR UPDATE',
      [r.indicatorId, r.period],
    )
    const old = before.rows[0]
    if (old && !old.isSample && Number(old.value) === r.value) {
      unchanged++
      continue
    }
    await client.query(
      `INSERT INTO indicator_values (indicator_id, period, value, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (indicator_id, period) DO UPDATE SET value = EXCLUDED.value, is_sample = false,
         version = indicator_values.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [r.indicatorId, r.period, r.value, actor],
    )
    if (old) updated++
    else inserted++
    await appendEvent(client, {
      subject: 'indicator',
      subjectId: r.indicatorId,
      period: r.period,
      from: old ? `${formatIndicatorValue(Number(old.value))}${old.isSample ? ' (sample)' : ''}` : null,
      to: formatIndicatorValue(r.value),
      kind: 'import',
      actor,
      note: r.note,
    })
  }
  return { inserted, updated, unchanged }
}

/** Writes generated sample values (labelled is_sample) with one 'seed' audit row each. */
export async function insertSampleValues(
  client: pg.PoolClient,
  rows: readonly { indicatorId: string; period: string; value: number }[],
) {
  await client.query(
    `WITH v AS (
       INSERT INTO indicator_values (indicator_id, period, value, is_sample, updated_by)
       SELECT r."indicatorId", r.period, r.value, true, 'sample'
         FROM jsonb_to_recordset($1::jsonb) AS r("indicatorId" text, period text, value numeric)
       ON CONFLICT DO NOTHING RETURNING indicator_id, period, value)
     INSERT INTO indicator_events (subject, subject_id, period, to_value, kind, actor, note)
     SELECT 'indicator', indicator_id, period, value::text, 'seed', 'sample', 'generated sample value'
       FROM v ORDER BY indicator_id, period`,
    [JSON.stringify(rows)],
  )
}

export interface MilestoneWrite {
  id: string
  expectedVersion: number
  /** The day it was done, or null to reopen it. */
  doneOn: string | null
  evidence: string | null
  actor: string
  kind: IndicatorEventKind
  note: string | null
}

/** Marks a milestone done (with evidence) or reopens it, under the same version rule as values. */
export async function writeMilestone(
  client: pg.PoolClient,
  w: MilestoneWrite,
): Promise<WriteOutcome<{ version: number; eventId: number }>> {
  const before = await client.query<CurrentValueVersion & { doneOn: string | null }>(
    `SELECT done_on::text AS "doneOn", version, updated_by AS "updatedBy", ${UPDATED_AT} FROM milestones WHERE id = $1 FOR UPDATE`,
    [w.id],
  )
  const current = before.rows[0]
  if (!current) return { ok: false, reason: 'not_found' }
  if (current.version !== w.expectedVersion) return { ok: false, reason: 'conflict', current }
  const { rows } = await client.query<{ version: number }>(
    `UPDATE milestones SET done_on = $2, evidence = $3, version = version + 1, updated_by = $4, updated_at = now()
      WHERE id = $1 RETURNING version`,
    [w.id, w.doneOn, w.evidence, w.actor],
  )
  const note = [w.evidence && `evidence: ${w.evidence}`, w.note].filter(Boolean).join('; ') || null
  const eventId = await appendEvent(client, {
    subject: 'milestone',
    subjectId: w.id,
    period: null,
    from: current.doneOn,
    to: w.doneOn,
    kind: w.kind,
    actor: w.actor,
    note,
  })
  return { ok: true, value: { version: rows[0]!.version, eventId } }
}
