import type { EventEntity, EventKind } from '@onemap/domain/statuses'
import type { Database } from '../database.ts'

/** One line of the wall's ticker: a public status change with the item's name, newest first. */
export interface TickerRow {
  id: number
  entity: EventEntity
  entityId: string
  nameZh: string | null
  nameEn: string | null
  from: string | null
  to: string
  happenedOn: string
  /** ISO timestamp (UTC) the change was entered. */
  recordedAt: string
  kind: EventKind
}

// Names come from the item's current row: a road segment is named by its road. Items deleted by an
// import keep their events, so the joins are LEFT and a missing name is null rather than a lost row.
const TICKER_SQL = `
SELECT e.id::int AS id, e.entity, e.entity_id AS "entityId",
       coalesce(f.name_zh, r.name_zh) AS "nameZh", coalesce(f.name_en, r.name_en) AS "nameEn",
       e.from_status AS "from", e.to_status AS "to", e.happened_on::text AS "happenedOn",
       to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt", e.kind
  FROM status_events e
  LEFT JOIN facilities f ON e.entity = 'facility' AND f.id = e.entity_id
  LEFT JOIN road_segments s ON e.entity = 'road_segment' AND s.id = e.entity_id
  LEFT JOIN roads r ON r.id = s.road_id
 WHERE e.from_status IS DISTINCT FROM e.to_status
 ORDER BY e.id DESC
 LIMIT $1`

/** The newest `limit` status changes with item names and public fields only (no actor, no note). */
export async function recentChanges(db: Database, limit: number): Promise<TickerRow[]> {
  const { rows } = await db.query<TickerRow>(TICKER_SQL, [limit])
  return rows
}
