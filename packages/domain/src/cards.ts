import { z } from 'zod'
import { daysBetween } from './dates.ts'
import { isOrderOverdue, type OrderState } from './duban.ts'
import type { PlanLateness } from './lateness.ts'

/**
 * Red and yellow cards (红黄牌), computed from the one lateness measure (lateness.ts) and the item's open
 * supervision orders, never typed by hand. The rules in words are in docs/cards.md.
 */

/** The thresholds, in whole days; admin-editable data (table card_thresholds), these are the defaults. */
export const CardThresholds = z
  .object({
    /** Yellow when late by more than this many days (against the revised plan when there is one). */
    yellowDays: z.number().int().min(0).max(3650),
    /** Red when late by more than this many days. */
    redDays: z.number().int().min(1).max(3650),
    /** Yellow (at risk) when an open order is due within this many days and the unit has not reported done. */
    dueSoonDays: z.number().int().min(0).max(365),
  })
  .refine((t) => t.redDays > t.yellowDays, { message: 'redDays must be larger than yellowDays', path: ['redDays'] })
export type CardThresholds = z.infer<typeof CardThresholds>

export const DEFAULT_THRESHOLDS: CardThresholds = { yellowDays: 30, redDays: 90, dueSoonDays: 3 }

export const CARD_COLOURS = ['red', 'yellow'] as const
export type CardColour = (typeof CARD_COLOURS)[number]

export type CardReason =
  | { kind: 'late'; days: number; against: 'baseline' | 'revised' }
  | { kind: 'order_overdue'; orderId: number; days: number }
  | { kind: 'order_due_soon'; orderId: number; days: number }

export interface Card {
  colour: CardColour
  /** Every rule that fired, the strongest first. */
  reasons: CardReason[]
  /** Days late on the measure the card was judged against (0 when only an order fired). */
  lateDays: number
}

export interface CardOrder {
  id: number
  state: OrderState
  dueOn: string
}

/**
 * The card of one item on `today`, or null for none. Lateness is read against the revised plan when one
 * is recorded (the plan the unit now answers to), else the baseline; an overdue order is always red.
 */
export function cardFor(
  late: PlanLateness,
  orders: readonly CardOrder[],
  thresholds: CardThresholds,
  today: string,
): Card | null {
  return cardOf(late, orderReasons(orders, thresholds, today), thresholds)
}

/** What an item's orders say on `today`, in their order: overdue ones (red), ones due within dueSoonDays (yellow). */
export function orderReasons(orders: readonly CardOrder[], thresholds: CardThresholds, today: string): CardReason[] {
  const reasons: CardReason[] = []
  for (const o of orders) {
    if (isOrderOverdue(o, today))
      reasons.push({ kind: 'order_overdue', orderId: o.id, days: daysBetween(o.dueOn, today) })
    else if (o.state !== 'done' && o.state !== 'accepted') {
      const left = daysBetween(today, o.dueOn)
      if (left <= thresholds.dueSoonDays) reasons.push({ kind: 'order_due_soon', orderId: o.id, days: left })
    }
  }
  return reasons
}

/**
 * The card of an item from its lateness and what its orders say (orderReasons). A table whose row has
 * just changed status judges its badge with this: the lateness from the row, the orders' reasons from
 * the last cards read (a status change does not move them).
 */
export function cardOf(late: PlanLateness, orders: readonly CardReason[], thresholds: CardThresholds): Card | null {
  const measure = late.revised ?? late.baseline
  const against = late.revised ? 'revised' : 'baseline'
  const lateDays = measure?.days ?? 0
  const red: CardReason[] = []
  const yellow: CardReason[] = []
  if (lateDays > thresholds.redDays) red.push({ kind: 'late', days: lateDays, against })
  else if (lateDays > thresholds.yellowDays) yellow.push({ kind: 'late', days: lateDays, against })
  for (const r of orders) {
    if (r.kind === 'order_overdue') red.push(r)
    else if (r.kind === 'order_due_soon') yellow.push(r)
  }
  if (red.length > 0) return { colour: 'red', reasons: [...red, ...yellow], lateDays }
  if (yellow.length > 0) return { colour: 'yellow', reasons: yellow, lateDays }
  return null
}

/** Red before yellow, then the most late first; items without a card last. */
export function compareCards(a: Card | null, b: Card | null): number {
  const rank = (c: Card | null) => (c === null ? 0 : c.colour === 'red' ? 2 : 1)
  return rank(b) - rank(a) || (b?.lateDays ?? 0) - (a?.lateDays ?? 0)
}

export interface LeagueRow {
  unitId: string
  red: number
  yellow: number
  /** Sum of days late over the unit's carded items plus days overdue of its orders. */
  overdueDays: number
}

/**
 * The per-unit league table (红黄牌排行): units ranked by red cards, then yellow, then overdue days. An item
 * counts for its lead unit; `overdueOrderDays` adds each unit's days past due on its open orders.
 */
export function leagueTable(
  items: readonly { leadUnit: string | null; card: Card | null }[],
  overdueOrderDays: ReadonlyMap<string, number>,
): LeagueRow[] {
  const rows = new Map<string, LeagueRow>()
  const row = (unitId: string) => {
    let r = rows.get(unitId)
    if (!r) rows.set(unitId, (r = { unitId, red: 0, yellow: 0, overdueDays: 0 }))
    return r
  }
  for (const { leadUnit, card } of items) {
    if (!leadUnit || !card) continue
    const r = row(leadUnit)
    r[card.colour] += 1
    r.overdueDays += card.lateDays
  }
  for (const [unitId, days] of overdueOrderDays) row(unitId).overdueDays += days
  return [...rows.values()].sort(
    (a, b) => b.red - a.red || b.yellow - a.yellow || b.overdueDays - a.overdueDays || a.unitId.localeCompare(b.unitId),
  )
}
