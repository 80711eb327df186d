import type { Database } from '@onemap/db/database'
import { loadLeadUnits } from '@onemap/db/queries/duban/responsibility'
import { openOrdersByItem } from '@onemap/db/queries/duban/orders'
import { readThresholds } from '@onemap/db/queries/duban/thresholds'
import { type Card, type CardOrder, cardFor, compareCards, type LeagueRow, leagueTable } from '@onemap/domain/cards'
import { daysBetween } from '@onemap/domain/dates'
import { isOrderOverdue } from '@onemap/domain/duban'
import { planLateness, type LatenessItem, type RevisedPlan } from '@onemap/domain/lateness'
import { facilitySchedule, loadProgress, type Progress, roadSchedule } from '../progress-data.ts'

/** One programme item with its card (null: none), lead unit and open orders. */
export interface CardedItem {
  entity: 'road_segment' | 'facility'
  id: string
  /** The road the segment belongs to (segments inherit the road's unit and orders). */
  roadId: string | null
  nameZh: string
  nameEn: string
  status: string
  subDistrictCode: string | null
  leadUnit: string | null
  card: Card | null
  openOrders: number
  overdueOrders: number
}

/**
 * Cards of every unfinished programme item on the day of `now`. A segment answers to its own lead unit
 * or else its road's, and an order on its road counts as an order on it. `loaded`: the items already
 * read by the caller for `now` (one read serves several figures).
 */
export async function computeCards(db: Database, now: Date, loaded?: Progress) {
  const [progress, leads, orders, thresholds] = await Promise.all([
    loaded ?? loadProgress(db, now),
    loadLeadUnits(db),
    openOrdersByItem(db),
    readThresholds(db),
  ])
  const { programme, roads, facilities, today } = progress
  const items: CardedItem[] = []
  // Lateness against the revised plan when one is recorded (the plan the unit now answers to), else the baseline.
  // The progress rows carry the day each current suspension began (suspendedSince).
  const judge = (base: LatenessItem, plannedOrders: CardOrder[], revised: RevisedPlan) =>
    cardFor(planLateness(base, revised, today, programme.deadline), plannedOrders, thresholds, today)
  for (const r of roads) {
    if (!r.inProgramme) continue
    const key = `road_segment:${r.id}`
    const own = [...(orders.get(key) ?? []), ...(orders.get(`road:${r.roadId}`) ?? [])]
    const card = judge({ ...roadSchedule(r), plannedFinish: r.plannedFinish, suspendedSince: r.suspendedSince }, own, r)
    items.push({
      entity: 'road_segment',
      id: r.id,
      roadId: r.roadId,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      status: r.status,
      subDistrictCode: r.subDistrictCode,
      leadUnit: leads.get(key) ?? leads.get(`road:${r.roadId}`) ?? null,
      card,
      openOrders: own.length,
      overdueOrders: own.filter((o) => isOrderOverdue(o, today)).length,
    })
  }
  for (const f of facilities) {
    if (!f.inProgramme) continue
    const key = `facility:${f.id}`
    const own = orders.get(key) ?? []
    items.push({
      entity: 'facility',
      id: f.id,
      roadId: null,
      nameZh: f.nameZh,
      nameEn: f.nameEn,
      status: f.status,
      subDistrictCode: f.subDistrictCode,
      leadUnit: leads.get(key) ?? null,
      card: judge({ ...facilitySchedule(f), plannedFinish: f.plannedFinish, suspendedSince: f.suspendedSince }, own, f),
      openOrders: own.length,
      overdueOrders: own.filter((o) => isOrderOverdue(o, today)).length,
    })
  }
  // Days past due per unit, each open order counted once however many items it covers.
  const overdueDays = new Map<string, number>()
  const seen = new Set<number>()
  for (const list of orders.values()) {
    for (const o of list) {
      if (seen.has(o.id) || !isOrderOverdue(o, today)) continue
      seen.add(o.id)
      overdueDays.set(o.unitId, (overdueDays.get(o.unitId) ?? 0) + daysBetween(o.dueOn, today))
    }
  }
  items.sort((a, b) => compareCards(a.card, b.card) || a.id.localeCompare(b.id))
  const league: LeagueRow[] = leagueTable(items, overdueDays)
  // The loaded progress goes back too, so a caller that also needs it (the wall's alarms) reads it once.
  return { today, thresholds, items, league, progress }
}
