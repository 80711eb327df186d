import type { Database } from '@onemap/db/database'
import type { EventEntity } from '@onemap/domain/statuses'
import { loadProgress } from '../progress-data.ts'
import { progressSummary } from '../progress-summary.ts'
import { type AlarmItem, lateAlarms, type WallAlarms } from './wall-alarms.ts'

/**
 * What one item's change moves on the wall, computed as `progress.summary` and `wall.alarms` compute it
 * but answered for that item only, so a wall patches its copies instead of reading both whole again:
 * - of the summary, its time stamps, the goal of the item's kind (a segment's change moves the roads
 *   figures, a facility's the facilities ones; the other is null) and that goal in the one sub-district
 *   and the one renewal unit the item counts in: a change of status moves nothing else (the programme's
 *   dates and the place names follow with the poll);
 * - the alarm list's counts, the item's alarm (null: none) and its place in the full list. Cards are
 *   judged item by item, so the other alarms keep their order: inserting the item at `position` into
 *   the list without it gives the list the server would send.
 * Null when the item is not (or no longer) there: the caller reads both whole.
 */
export async function itemFigures(db: Database, now: Date, entity: EventEntity, id: string) {
  // One read of the programme's items serves both (the two whole procedures read it once each).
  const loaded = await loadProgress(db, now)
  const [{ summary, roads, facilities }, alarms] = await Promise.all([
    progressSummary(db, now, loaded),
    lateAlarms(db, now, Number.MAX_SAFE_INTEGER, loaded),
  ])
  const row = entity === 'road_segment' ? roads.find((r) => r.id === id) : facilities.find((f) => f.id === id)
  if (!row) return null
  const road = entity === 'road_segment'
  const placeGoals = (p: Pick<(typeof summary.bySubDistrict)[number], 'roads' | 'facilities'>) => ({
    roads: road ? p.roads : null,
    facilities: road ? null : p.facilities,
  })
  const subDistrict = summary.bySubDistrict.find((s) => s.code === row.subDistrictCode)
  const renewalUnit = summary.byRenewalUnit.find((u) => u.id === row.renewalUnitId)
  const position = alarms.items.findIndex((a) => a.entity === entity && a.id === id)
  const { items: _all, ...counts } = alarms
  return {
    summary: {
      asOf: summary.asOf,
      dataChangedAt: summary.dataChangedAt,
      today: summary.today,
      roads: road ? summary.roads : null,
      facilities: road ? null : summary.facilities,
      subDistrict: subDistrict ? { code: subDistrict.code, ...placeGoals(subDistrict) } : null,
      renewalUnit: renewalUnit ? { id: renewalUnit.id, ...placeGoals(renewalUnit) } : null,
    },
    alarms: {
      ...counts,
      item: position >= 0 ? (alarms.items[position] as AlarmItem) : null,
      position: position >= 0 ? position : null,
    } satisfies Omit<WallAlarms, 'items'> & { item: AlarmItem | null; position: number | null },
  }
}
