import type { Database } from '@onemap/db/database'
import { suspensionStarts } from '@onemap/db/queries/wall'
import { addDays } from '@onemap/domain/dates'
import { compareLateness, type Lateness, lateness, type LatenessBasis } from '@onemap/domain/lateness'
import { itemKey } from '@onemap/domain/progress'
import type { EventEntity } from '@onemap/domain/statuses'
import { facilitySchedule, loadProgress, roadSchedule } from '../progress-data.ts'

/**
 * How urgent an alarm is. 'red' and 'yellow' are the 督办 cards (issue 14) once they exist; until then
 * every alarm is 'late': an unfinished programme item that is late by the one lateness measure.
 */
export type AlarmLevel = 'red' | 'yellow' | 'late'

export interface AlarmItem {
  entity: EventEntity
  id: string
  nameZh: string
  nameEn: string
  level: AlarmLevel
  /** Days late by the shared measure (docs/lateness.md). */
  days: number
  basis: LatenessBasis
  /** The day the item escalated to this level (for 'late': the day it became late). */
  since: string
  subDistrictName: string | null
}

/** Open and overdue supervision orders of one responsible unit (filled once 督办 orders exist). */
export interface UnitOrders {
  unitId: string
  unitNameZh: string
  unitNameEn: string
  open: number
  overdue: number
}

export interface WallAlarms {
  /** Where the list comes from: the lateness measure now, the 督办 cards later. */
  source: 'lateness' | 'cards'
  /** Every alarm, of which `items` are the first `limit`. */
  total: number
  items: AlarmItem[]
  /** Late programme items per kind and the latest of them, for the scenes' one-line takeaways. */
  late: Record<EventEntity, { count: number; maxDays: number }>
  /** Null until supervision orders exist; the wall leaves their slot empty. */
  orders: UnitOrders[] | null
}

/**
 * The wall's alarm list: unfinished programme items by the shared lateness measure, most late first
 * (ties by id, so the list is stable). The 督办 cards replace `level` and the order (reds, then
 * yellows, newest escalation first) without changing this shape.
 */
export async function lateAlarms(db: Database, now: Date, limit: number): Promise<WallAlarms> {
  const [{ programme, roads, facilities, today }, suspended] = await Promise.all([loadProgress(db, now), suspensionStarts(db)])
  const measured: { item: Omit<AlarmItem, 'days' | 'basis' | 'since' | 'level'>; late: Lateness }[] = []
  const measure = (entity: EventEntity, row: { id: string; nameZh: string; nameEn: string; plannedFinish: string | null; subDistrictName: string | null; inProgramme: boolean }, schedule: ReturnType<typeof roadSchedule>) => {
    if (!row.inProgramme) return
    const late = lateness({ ...schedule, plannedFinish: row.plannedFinish, suspendedSince: suspended.get(itemKey(entity, row.id)) ?? null }, today, programme.deadline)
    if (late && late.days > 0) measured.push({ item: { entity, id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, subDistrictName: row.subDistrictName }, late })
  }
  for (const r of roads) measure('road_segment', r, roadSchedule(r))
  for (const f of facilities) measure('facility', f, facilitySchedule(f))
  measured.sort((a, b) => compareLateness(a.late, b.late) || a.item.id.localeCompare(b.item.id))
  const late = { road_segment: { count: 0, maxDays: 0 }, facility: { count: 0, maxDays: 0 } }
  for (const m of measured) {
    const bucket = late[m.item.entity]
    bucket.count += 1
    bucket.maxDays = Math.max(bucket.maxDays, m.late.days)
  }
  return {
    source: 'lateness',
    total: measured.length,
    items: measured.slice(0, limit).map(({ item, late }) => ({ ...item, level: 'late', days: late.days, basis: late.basis, since: addDays(today, -late.days) })),
    late,
    orders: null,
  }
}
