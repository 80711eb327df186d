import type { Database } from '@onemap/db/database'
import { listOrders } from '@onemap/db/queries/duban/orders'
import { listUnits } from '@onemap/db/queries/duban/units'
import { addDays } from '@onemap/domain/dates'
import { compareLateness, type Lateness, lateness, type LatenessBasis } from '@onemap/domain/lateness'
import { itemKey } from '@onemap/domain/progress'
import { isOrderOverdue, OPEN_ORDER_STATES } from '@onemap/domain/duban'
import type { EventEntity } from '@onemap/domain/statuses'
import { computeCards } from '../duban/cards-data.ts'
import { facilitySchedule, type Progress, roadSchedule } from '../progress-data.ts'

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
 * The wall's alarm list: the programme items holding a red or yellow 督办 card (red first, then the
 * most late by the shared lateness measure), open and overdue orders per responsible unit, and the
 * late counts behind the scenes' takeaways.
 */
export async function lateAlarms(db: Database, now: Date, limit: number, loaded?: Progress): Promise<WallAlarms> {
  // One read of the programme's items: the cards load it, the lateness figures reuse it.
  const [cards, units, open] = await Promise.all([
    computeCards(db, now, loaded),
    listUnits(db),
    listOrders(db, { states: OPEN_ORDER_STATES }),
  ])
  const { programme, roads, facilities, today } = cards.progress
  const measured: { item: Omit<AlarmItem, 'days' | 'basis' | 'since' | 'level'>; late: Lateness }[] = []
  const measure = (
    entity: EventEntity,
    row: {
      id: string
      nameZh: string
      nameEn: string
      plannedFinish: string | null
      suspendedSince: string | null
      subDistrictName: string | null
      inProgramme: boolean
    },
    schedule: ReturnType<typeof roadSchedule>,
  ) => {
    if (!row.inProgramme) return
    const late = lateness(
      { ...schedule, plannedFinish: row.plannedFinish, suspendedSince: row.suspendedSince },
      today,
      programme.deadline,
    )
    if (late && late.days > 0)
      measured.push({
        item: { entity, id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, subDistrictName: row.subDistrictName },
        late,
      })
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
  // The 督办 cards (docs/cards.md) decide what is an alarm: red before yellow, then the most late first.
  // Lateness stays the measure of days and basis, so the wall and the workbench agree.
  const measuredBy = new Map(measured.map((m) => [itemKey(m.item.entity, m.item.id), m]))
  const rows = {
    road_segment: new Map(roads.map((r) => [r.id, r])),
    facility: new Map(facilities.map((f) => [f.id, f])),
  }
  const items: AlarmItem[] = []
  for (const c of cards.items) {
    if (c.card === null) continue
    const m = measuredBy.get(itemKey(c.entity, c.id))
    const days = m?.late.days ?? c.card.lateDays
    items.push({
      entity: c.entity,
      id: c.id,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      level: c.card.colour,
      days,
      basis: m?.late.basis ?? 'unfinished',
      since: addDays(today, -days),
      subDistrictName: rows[c.entity].get(c.id)?.subDistrictName ?? null,
    })
  }
  const unitName = new Map(units.map((u) => [u.id, u]))
  const perUnit = new Map<string, UnitOrders>()
  for (const o of open) {
    const u = unitName.get(o.unitId)
    const row = perUnit.get(o.unitId) ?? {
      unitId: o.unitId,
      unitNameZh: u?.nameZh ?? o.unitId,
      unitNameEn: u?.nameEn ?? o.unitId,
      open: 0,
      overdue: 0,
    }
    row.open += 1
    if (isOrderOverdue(o, today)) row.overdue += 1
    perUnit.set(o.unitId, row)
  }
  return {
    source: 'cards',
    total: items.length,
    items: items.slice(0, limit),
    late,
    orders: perUnit.size > 0 ? [...perUnit.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open) : null,
  }
}
