import type { Database } from '../database.ts'

/** One weekly meeting (重点项目周例会) recorded for a programme. */
export interface MeetingRow {
  heldOn: string
  actor: string
  recordedAt: string
}

const RECORDED_AT = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "recordedAt"`

/** The latest meeting held for the programme (by meeting date), or null before the first. */
export async function lastMeeting(db: Database, programmeId: string): Promise<MeetingRow | null> {
  const { rows } = await db.query<MeetingRow>(
    `SELECT held_on::text AS "heldOn", actor, ${RECORDED_AT} FROM meetings
      WHERE programme_id = $1 ORDER BY held_on DESC, id DESC LIMIT 1`,
    [programmeId],
  )
  return rows[0] ?? null
}

/** Records that a meeting was held on `heldOn`; earlier records stay (the list is the meetings' history). */
export async function recordMeeting(
  db: Database,
  m: { programmeId: string; heldOn: string; actor: string },
): Promise<MeetingRow> {
  const { rows } = await db.query<MeetingRow>(
    `INSERT INTO meetings (programme_id, held_on, actor) VALUES ($1, $2, $3)
     RETURNING held_on::text AS "heldOn", actor, ${RECORDED_AT}`,
    [m.programmeId, m.heldOn, m.actor],
  )
  return rows[0]!
}

/** A revised programme deadline; the newest is in force, the original deadline stays in `programme`. */
export interface DeadlineRevision {
  deadline: string
  reason: string
  actor: string
  recordedAt: string
}

/** Every revision of the programme's deadline, newest first. */
export async function deadlineRevisions(db: Database, programmeId: string): Promise<DeadlineRevision[]> {
  const { rows } = await db.query<DeadlineRevision>(
    `SELECT deadline::text AS deadline, reason, actor, ${RECORDED_AT} FROM programme_deadline_revisions
      WHERE programme_id = $1 ORDER BY id DESC`,
    [programmeId],
  )
  return rows
}

/** Appends a revised deadline (the table is append-only, so this row is also its audit record). */
export async function insertDeadlineRevision(
  db: Database,
  r: { programmeId: string; deadline: string; reason: string; actor: string },
): Promise<DeadlineRevision> {
  const { rows } = await db.query<DeadlineRevision>(
    `INSERT INTO programme_deadline_revisions (programme_id, deadline, reason, actor) VALUES ($1, $2, $3, $4)
     RETURNING deadline::text AS deadline, reason, actor, ${RECORDED_AT}`,
    [r.programmeId, r.deadline, r.reason, r.actor],
  )
  return rows[0]!
}
