import type { EventEntity, EventKind } from '@onemap/domain/statuses'
import type { Database } from '../database.ts'
import { E_COLUMNS, ITEM_NAME_COLUMNS, ITEM_NAME_JOINS, ITEM_NAME_ZH } from './events.ts'

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
SELECT ${E_COLUMNS}, ${ITEM_NAME_COLUMNS}
  FROM status_events e
  ${ITEM_NAME_JOINS}
 WHERE e.kind IN ('edit', 'correction', 'seed')
   AND e.from_status IS NOT NULL AND e.from_status <> e.to_status
   AND nullif(btrim(${ITEM_NAME_ZH}), '') IS NOT NULL
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
