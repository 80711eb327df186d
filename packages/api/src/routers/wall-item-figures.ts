import type { Database } from '@onemap/db/database'
import type { EventEntity } from '@onemap/domain/statuses'
import { progressSummary } from '../progress-summary.ts'
import { type AlarmItem, lateAlarms, type WallAlarms } from './wall-alarms.ts'

/**
 * What one item's change moves on the wall, computed as `progress.summary` and `wall.alarms` compute it
 * but answered for that item only, so a wall patches its copies instead of reading both whole again:
 * - the summary's totals, and the one sub-district row and one renewal-unit row the item counts in (a
 *   change of status moves no other row);
 * - the alarm list's counts, the item's alarm (null: none) and its place in the full list. Cards are
 *   judged item by item, so the other alarms keep their order: inserting the item at `position` into
 *   the list without it gives the list the server would send.
 * Null when the item is not (or no longer) there: the caller reads both whole.
 */
export async function itemFigures(db: Database, now: Date, entity: EventEntity, id: string) {
  const [{ summary, roads, facilities }, alarms] = await Promise.all([
    progressSummary(db, now),
    lateAlarms(db, now, Number.MAX_SAFE_INTEGER),
  ])
  const row = entity === 'road_segment' ? roads.find((r) => r.id === id) : facilities.find((f) => f.id === id)
  if (!row) return null
  const { bySubDistrict, byRenewalUnit, ...totals } = summary
  const position = alarms.items.findIndex((a) => a.entity === entity && a.id === id)
  const { items: _all, ...counts } = alarms
  return {
    summary: {
      ...totals,
      subDistrict: bySubDistrict.find((s) => s.code === row.subDistrictCode) ?? null,
      renewalUnit: byRenewalUnit.find((u) => u.id === row.renewalUnitId) ?? null,
    },
    alarms: {
      ...counts,
      item: position >= 0 ? (alarms.items[position] as AlarmItem) : null,
      position: position >= 0 ? position : null,
    } satisfies Omit<WallAlarms, 'items'> & { item: AlarmItem | null; position: number | null },
  }
}
