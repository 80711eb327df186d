import type { EventEntity, EventKind } from '@onemap/domain/statuses'
import type { Database } from '../database.ts'

/** One line of the wall's ticker: a public status change with the item's name, newest first. */
export interface TickerRow {
  id: number
  entity: EventEntity
  entityId: string
  nameZh: string
  nameEn: string | null
  from: string
  to: string
  happenedOn: string
  /** ISO timestamp (UTC) the change was entered. */
  recordedAt: string
  kind: EventKind
}

// What a duty officer reads as news: a change of status between two known states of an item that still
// has a name. Rows an import or a split writes, and the rows that record an item's first state, are
// bookkeeping. Changes entered by people (edit, correction) come first, newest first; the sample data's
// history (kind 'seed') only fills the rest, so a fresh install is not blank and a real edit is never
// buried under it. Names come from the item's current row (a segment is named by its road); an item
// deleted by an import has no name and is left out.
const TICKER_SQL = `
SELECT e.id::int AS id, e.entity, e.entity_id AS "entityId",
       coalesce(f.name_zh, r.name_zh) AS "nameZh", coalesce(f.name_en, r.name_en) AS "nameEn",
       e.from_status AS "from", e.to_status AS "to", e.happened_on::text AS "happenedOn",
       to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt", e.kind
  FROM status_events e
  LEFT JOIN facilities f ON e.entity = 'facility' AND f.id = e.entity_id
  LEFT JOIN road_segments s ON e.entity = 'road_segment' AND s.id = e.entity_id
  LEFT JOIN roads r ON r.id = s.road_id
 WHERE e.kind IN ('edit', 'correction', 'seed')
   AND e.from_status IS NOT NULL AND e.from_status <> e.to_status
   AND nullif(btrim(coalesce(f.name_zh, r.name_zh)), '') IS NOT NULL
 ORDER BY (e.kind <> 'seed') DESC, e.recorded_at DESC, e.id DESC
 LIMIT $1`

/** The newest `limit` status changes worth a ticker line, with item names and public fields only (no actor, no note). */
export async function recentChanges(db: Database, limit: number): Promise<TickerRow[]> {
  const { rows } = await db.query<TickerRow>(TICKER_SQL, [limit])
  return rows
}

/** A river of the river-chief scheme as the wall's rivers scene labels it. */
export interface RiverFacts {
  id: string
  nameZh: string
  nameEn: string
  riverChief: string | null
  riverChiefIsSample: boolean
  /** Length of the river inside the zone boundary, metres on the CGCS2000 ellipsoid. */
  lengthInZoneM: number
}

/** Every river with its chief and its length inside the zone (rivers run on beyond it). */
export async function riverFacts(db: Database): Promise<RiverFacts[]> {
  const { rows } = await db.query<RiverFacts>(
    `SELECT r.id, r.name_zh AS "nameZh", r.name_en AS "nameEn", r.river_chief AS "riverChief",
            r.river_chief_is_sample AS "riverChiefIsSample",
            coalesce((SELECT sum(ST_Length(ST_Intersection(r.geom, z.geom)::geography)) FROM zone_boundary z
                       WHERE ST_Intersects(r.geom, z.geom)), 0)::float8 AS "lengthInZoneM"
       FROM rivers r
      ORDER BY r.id`,
  )
  return rows
}
