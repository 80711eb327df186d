import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UNIT_A, UNIT_B, UNIT_NONE, codeOf, openDubanFixture } from '../../testing/duban-fixture.ts'
import { callerAs, PLANNER, VIEWER } from '../../testing/fixture.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openDubanFixture()
})
afterAll(async () => {
  await db.close()
})

// The fixture's clock is 2021-06-01 in the zone.
const issue = (over: Record<string, unknown> = {}) =>
  callerAs(db, PLANNER).duban.orders.issue({
    items: [{ entity: 'road_segment', id: 's1' }],
    unitId: 'unit-a',
    request: '加快 s1 开工',
    dueOn: '2021-06-10',
    ...over,
  })

const maxLogId = async () =>
  (await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM duban_log')).rows[0]!.id
const orderCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders')).rows[0]!.n

/** Reads `n` tracked events of a subscription that resumes after `after` (no race with the writes, no sleeps). */
async function collect(user: Parameters<typeof callerAs>[1], after: number, n: number, act: () => Promise<void>) {
  const stream = (await callerAs(db, user).duban.orders.events({
    lastEventId: String(after),
  })) as AsyncIterable<unknown>
  const it = stream[Symbol.asyncIterator]()
  await act()
  const got: { action: string; orderId: number | null; to: string | null; unitId: string | null }[] = []
  while (got.length < n) {
    const { value } = await it.next()
    got.push((value as [string, (typeof got)[number]])[1])
  }
  await it.return?.()
  return got
}

describe('supervision orders: the round trip planner → unit → planner', () => {
  it('issues, acknowledges, replies, marks done, sends back, is done again and accepted; every step audited and streamed', async () => {
    const before = await maxLogId()
    let orderId = 0
    const steps = async () => {
      const order = await issue()
      orderId = order.id
      const unit = callerAs(db, UNIT_A).duban.orders
      const planner = callerAs(db, PLANNER).duban.orders
      let v = (await unit.step({ id: orderId, expectedVersion: 1, step: 'acknowledge' })).version
      v = (await unit.step({ id: orderId, expectedVersion: v, step: 'reply', note: '已进场，预计 6 月 8 日开工' }))
        .version
      v = (await unit.step({ id: orderId, expectedVersion: v, step: 'done', note: '已开工' })).version
      v = (await planner.step({ id: orderId, expectedVersion: v, step: 'send_back', note: '请补现场照片' })).version
      v = (await unit.step({ id: orderId, expectedVersion: v, step: 'done', note: '照片已补' })).version
      await planner.step({ id: orderId, expectedVersion: v, step: 'accept' })
    }
    const [plannerSees, unitSees] = await Promise.all([
      collect(PLANNER, before, 7, steps),
      collect(UNIT_A, before, 7, async () => {}),
    ])
    const expected = ['issue', 'acknowledge', 'reply', 'done', 'send_back', 'done', 'accept']
    expect(plannerSees.map((e) => e.action)).toEqual(expected)
    expect(unitSees.map((e) => e.action)).toEqual(expected)
    expect(plannerSees.at(-1)).toMatchObject({ orderId, to: 'accepted', unitId: 'unit-a' })

    const log = (
      await db.query('SELECT action, from_state, to_state, actor FROM duban_log WHERE order_id = $1 ORDER BY id', [
        orderId,
      ])
    ).rows
    expect(log).toEqual([
      { action: 'issue', from_state: null, to_state: 'issued', actor: 'planner-li' },
      { action: 'acknowledge', from_state: 'issued', to_state: 'acknowledged', actor: 'unit-a-user' },
      { action: 'reply', from_state: 'acknowledged', to_state: 'acknowledged', actor: 'unit-a-user' },
      { action: 'done', from_state: 'acknowledged', to_state: 'done', actor: 'unit-a-user' },
      { action: 'send_back', from_state: 'done', to_state: 'returned', actor: 'planner-li' },
      { action: 'done', from_state: 'returned', to_state: 'done', actor: 'unit-a-user' },
      { action: 'accept', from_state: 'done', to_state: 'accepted', actor: 'planner-li' },
    ])
    const got = await callerAs(db, UNIT_A).duban.orders.get({ id: orderId })
    expect(got.order).toMatchObject({
      state: 'accepted',
      overdue: false,
      items: [{ entity: 'road_segment', id: 's1', nameZh: '测试路' }],
    })
    expect(got.log.map((l) => l.note)).toContain('已进场，预计 6 月 8 日开工')
  })

  it("streams to a unit only its own unit's events", async () => {
    const before = await maxLogId()
    const seen = await collect(UNIT_B, before, 1, async () => {
      await issue() // unit-a's: unit-b must not hear it
      await issue({ unitId: 'unit-b', items: [{ entity: 'facility', id: 'f2' }] })
    })
    expect(seen).toMatchObject([{ action: 'issue', unitId: 'unit-b' }])
  })

  it('turns the item red once the order is past due, and lists it as overdue', async () => {
    const { id } = await issue({ items: [{ entity: 'road', id: 'rd' }], dueOn: '2021-06-02' })
    const later = new Date('2021-06-05T04:00:00Z')
    const cards = await callerAs(db, PLANNER, later).duban.cards.list()
    const s3 = cards.items.find((i) => i.id === 's3')
    expect(s3?.card).toMatchObject({ colour: 'red', reasons: [{ kind: 'order_overdue', orderId: id, days: 3 }] })
    expect(s3?.leadUnit).toBe('unit-a')
    const listed = await callerAs(db, UNIT_A, later).duban.orders.list()
    expect(listed.find((o) => o.id === id)?.overdue).toBe(true)
    const alarms = await callerAs(db, null, later).duban.cards.alarms()
    expect(alarms.units.find((u) => u.id === 'unit-a')?.overdue).toBeGreaterThanOrEqual(1)
    expect(JSON.stringify(alarms)).not.toContain('加快')
  })
})

describe('the wall hears 督办 changes', () => {
  it('ticks the public alarms stream on each committed step, with no order text', async () => {
    const stream = (await callerAs(db, null).duban.cards.alarmsChanged()) as AsyncIterable<{
      id: number
      action: string
    }>
    const it = stream[Symbol.asyncIterator]()
    expect((await it.next()).value).toEqual({ id: 0, action: 'connected' })
    await issue()
    const tick = (await it.next()).value
    expect(tick).toEqual({ id: await maxLogId(), action: 'issue' })
    await it.return?.()
  })
})

describe('supervision orders: refusals change nothing', () => {
  it('refuses a due date in the past, an unknown unit or item, and viewers, units and the public issuing', async () => {
    const n = await orderCount()
    expect(await codeOf(issue({ dueOn: '2021-05-31' }))).toBe('BAD_REQUEST')
    expect(await codeOf(issue({ unitId: 'no-such-unit' }))).toBe('NOT_FOUND')
    expect(await codeOf(issue({ items: [{ entity: 'facility', id: 'nope' }] }))).toBe('NOT_FOUND')
    const input = {
      items: [{ entity: 'road_segment' as const, id: 's1' }],
      unitId: 'unit-a',
      request: 'x',
      dueOn: '2021-06-10',
    }
    expect(await codeOf(callerAs(db, VIEWER).duban.orders.issue(input))).toBe('FORBIDDEN')
    expect(await codeOf(callerAs(db, UNIT_A).duban.orders.issue(input))).toBe('FORBIDDEN')
    expect(await codeOf(callerAs(db, null).duban.orders.issue(input))).toBe('UNAUTHORIZED')
    expect(await orderCount()).toBe(n)
  })

  it('refuses another unit acting on the order, steps out of turn and stale versions', async () => {
    const { id } = await issue()
    const logBefore = await maxLogId()
    expect(await codeOf(callerAs(db, UNIT_B).duban.orders.step({ id, expectedVersion: 1, step: 'acknowledge' }))).toBe(
      'FORBIDDEN',
    )
    expect(
      await codeOf(callerAs(db, UNIT_NONE).duban.orders.step({ id, expectedVersion: 1, step: 'acknowledge' })),
    ).toBe('FORBIDDEN')
    expect(await codeOf(callerAs(db, PLANNER).duban.orders.step({ id, expectedVersion: 1, step: 'acknowledge' }))).toBe(
      'FORBIDDEN',
    )
    expect(await codeOf(callerAs(db, UNIT_A).duban.orders.step({ id, expectedVersion: 1, step: 'accept' }))).toBe(
      'FORBIDDEN',
    )
    expect(await codeOf(callerAs(db, PLANNER).duban.orders.step({ id, expectedVersion: 1, step: 'accept' }))).toBe(
      'CONFLICT',
    )
    expect(await codeOf(callerAs(db, UNIT_A).duban.orders.step({ id, expectedVersion: 7, step: 'acknowledge' }))).toBe(
      'CONFLICT',
    )
    expect(await codeOf(callerAs(db, UNIT_A).duban.orders.step({ id, expectedVersion: 1, step: 'reply' }))).toBe(
      'BAD_REQUEST',
    )
    expect(
      await codeOf(callerAs(db, UNIT_A).duban.orders.step({ id: 999_999, expectedVersion: 1, step: 'acknowledge' })),
    ).toBe('NOT_FOUND')
    expect(await maxLogId()).toBe(logBefore)
    expect((await db.query('SELECT state, version FROM orders WHERE id = $1', [id])).rows[0]).toEqual({
      state: 'issued',
      version: 1,
    })
  })
})
