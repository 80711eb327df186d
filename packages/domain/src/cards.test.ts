import { describe, expect, it } from 'vitest'
import {
  CardThresholds,
  cardFor,
  cardOf,
  compareCards,
  DEFAULT_THRESHOLDS,
  leagueTable,
  type CardOrder,
} from './cards.ts'
import { planLateness, type LatenessItem } from './lateness.ts'

const deadline = '2023-08-02'
const t = { yellowDays: 30, redDays: 90, dueSoonDays: 3 }
const segment = (over: Partial<LatenessItem> = {}): LatenessItem => ({
  entity: 'road_segment',
  category: 'secondary',
  status: 'planned',
  plannedStart: '2021-03-01',
  plannedFinish: '2022-03-01',
  actualStart: null,
  ...over,
})
const cardOn = (
  today: string,
  item = segment(),
  orders: CardOrder[] = [],
  revised: { revisedStart: string | null; revisedFinish: string | null } | null = null,
) => cardFor(planLateness(item, revised, today, deadline), orders, t, today)

describe('cardFor (fixtures on the lateness measure)', () => {
  it('gives no card up to the yellow threshold (30 days late is still none)', () => {
    expect(cardOn('2021-03-31')).toBeNull()
  })

  it('is yellow past the yellow threshold and red past the red one', () => {
    expect(cardOn('2021-04-01')).toMatchObject({
      colour: 'yellow',
      lateDays: 31,
      reasons: [{ kind: 'late', days: 31, against: 'baseline' }],
    })
    expect(cardOn('2021-05-30')?.colour).toBe('yellow')
    expect(cardOn('2021-05-31')).toMatchObject({ colour: 'red', lateDays: 91 })
  })

  it('judges against the revised plan when one is recorded', () => {
    // 400 days behind the baseline start, but only 10 behind a revised start of 2022-03-27.
    expect(cardOn('2022-04-05', segment(), [], { revisedStart: '2022-03-26', revisedFinish: '2023-03-01' })).toBeNull()
    expect(
      cardOn('2022-05-01', segment(), [], { revisedStart: '2022-03-26', revisedFinish: '2023-03-01' }),
    ).toMatchObject({
      colour: 'yellow',
      reasons: [{ kind: 'late', against: 'revised', days: 36 }],
    })
  })

  it('gives finished items no card', () => {
    expect(cardOn('2025-01-01', segment({ status: 'completed', actualStart: '2021-03-01' }))).toBeNull()
  })

  it('turns an item red when an open order is past due, whatever its lateness', () => {
    const card = cardOn('2020-12-10', segment(), [{ id: 7, state: 'acknowledged', dueOn: '2020-12-01' }])
    expect(card).toMatchObject({
      colour: 'red',
      lateDays: 0,
      reasons: [{ kind: 'order_overdue', orderId: 7, days: 9 }],
    })
  })

  it('does not count an order the unit reported done, nor an accepted one, as overdue', () => {
    expect(
      cardOn('2020-12-10', segment(), [
        { id: 1, state: 'done', dueOn: '2020-12-01' },
        { id: 2, state: 'accepted', dueOn: '2020-12-01' },
      ]),
    ).toBeNull()
  })

  it('is yellow (at risk) when an open order is due within dueSoonDays', () => {
    expect(cardOn('2020-12-10', segment(), [{ id: 3, state: 'issued', dueOn: '2020-12-13' }])).toMatchObject({
      colour: 'yellow',
      reasons: [{ kind: 'order_due_soon', orderId: 3, days: 3 }],
    })
    expect(cardOn('2020-12-10', segment(), [{ id: 3, state: 'issued', dueOn: '2020-12-14' }])).toBeNull()
  })

  it('lists every rule that fired, red ones first', () => {
    const card = cardOn('2021-04-10', segment(), [{ id: 9, state: 'returned', dueOn: '2021-04-01' }])
    expect(card?.colour).toBe('red')
    expect(card?.reasons.map((r) => r.kind)).toEqual(['order_overdue', 'late'])
  })
})

describe('thresholds', () => {
  it('accept the defaults and refuse red not above yellow', () => {
    expect(CardThresholds.safeParse(DEFAULT_THRESHOLDS).success).toBe(true)
    expect(CardThresholds.safeParse({ yellowDays: 30, redDays: 30, dueSoonDays: 3 }).success).toBe(false)
  })
})

describe('ranking', () => {
  const red = { colour: 'red' as const, reasons: [], lateDays: 100 }
  const yellow = { colour: 'yellow' as const, reasons: [], lateDays: 40 }
  it('sorts red before yellow before none', () => {
    expect([null, yellow, red].sort(compareCards)).toEqual([red, yellow, null])
  })

  it('ranks units by red, then yellow, then overdue days', () => {
    const rows = leagueTable(
      [
        { leadUnit: 'a', card: yellow },
        { leadUnit: 'a', card: yellow },
        { leadUnit: 'b', card: red },
        { leadUnit: 'c', card: yellow },
        { leadUnit: 'c', card: yellow },
        { leadUnit: null, card: red },
        { leadUnit: 'd', card: null },
      ],
      new Map([['c', 5]]),
    )
    expect(rows).toEqual([
      { unitId: 'b', red: 1, yellow: 0, overdueDays: 100 },
      { unitId: 'c', red: 0, yellow: 2, overdueDays: 85 },
      { unitId: 'a', red: 0, yellow: 2, overdueDays: 80 },
    ])
  })
})

describe('cardOf (a row judged after its status changed)', () => {
  it('gives the card cardFor gives, from the new lateness and the order reasons of the card read before', () => {
    const today = '2021-09-01'
    const orders: CardOrder[] = [
      { id: 7, state: 'issued', dueOn: '2021-08-20' },
      { id: 8, state: 'issued', dueOn: '2021-09-03' },
    ]
    const before = cardFor(planLateness(segment(), null, today, deadline), orders, t, today)
    expect(before?.colour).toBe('red')
    const orderPart = before!.reasons.filter((r) => r.kind !== 'late')
    // Started on site, then finished: the lateness part goes, the overdue order keeps it red; without orders, none.
    for (const item of [
      segment({ status: 'under_construction', actualStart: '2021-08-01' }),
      segment({ status: 'completed', actualStart: '2021-08-01' }),
    ]) {
      const late = planLateness(item, null, today, deadline)
      expect(cardOf(late, orderPart, t)).toEqual(cardFor(late, orders, t, today))
      expect(cardOf(late, [], t)).toEqual(cardFor(late, [], t, today))
    }
    expect(cardOf(planLateness(segment({ status: 'completed' }), null, today, deadline), [], t)).toBeNull()
  })
})
