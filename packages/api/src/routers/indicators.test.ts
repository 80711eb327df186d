import type { TestDatabase } from '@onemap/db/testing'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { indicatorHubFor } from '../indicator-hub.ts'
import { callerAs, PLANNER, VIEWER } from '../testing/fixture.ts'
import { openIndicatorDatabase } from '../testing/indicator-fixture.ts'

let db: TestDatabase
beforeEach(async () => {
  db = await openIndicatorDatabase()
})
afterEach(async () => {
  await db.close()
})

const planner = () => callerAs(db, PLANNER, new Date('2020-09-15T04:00:00Z'))

describe('indicators.overview (public)', () => {
  it('gives each indicator its values, status, target and as-of period, and no names of people', async () => {
    await planner().indicators.setValue({
      id: 'fixed-asset-investment',
      period: '2020-06',
      value: 200,
      expectedVersion: 0,
    })
    const o = await callerAs(db, null, new Date('2020-09-15T04:00:00Z')).indicators.overview()
    const fai = o.indicators.find((i) => i.id === 'fixed-asset-investment')
    // June: the line expects 235 of 470; 200 is behind.
    expect(fai).toMatchObject({
      status: 'behind',
      asOf: '2020-06',
      target: { value: 470, year: 2020 },
      expected: 235,
      latestIsSample: false,
    })
    expect(o.indicators.find((i) => i.id === 'gdp')).toMatchObject({ status: 'no_data', asOf: null })
    expect(o.milestones.find((m) => m.id === 'ywtg-shifo-rules')).toMatchObject({ status: 'overdue', doneOn: null })
    expect(JSON.stringify(o)).not.toMatch(/planner-li|updatedBy|actor/)
  })
})

describe('indicators.setValue', () => {
  it('is for planners: the public is told to sign in, a viewer is refused', async () => {
    const input = { id: 'gdp', period: '2020', value: 560, expectedVersion: 0 }
    await expect(callerAs(db, null).indicators.setValue(input)).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(callerAs(db, VIEWER).indicators.setValue(input)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses bad input by name and writes nothing', async () => {
    const p = planner()
    await expect(
      p.indicators.setValue({ id: 'gdp-x', period: '2020', value: 1, expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: "No indicator with id 'gdp-x'" })
    await expect(
      p.indicators.setValue({ id: 'gdp', period: '2020-08', value: 1, expectedVersion: 0 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining("'2020-08' is not in the annual cadence of 'gdp'"),
    })
    await expect(
      p.indicators.setValue({ id: 'gdp', period: '2020', value: -5, expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('cannot be negative') })
    await expect(
      p.indicators.setValue({ id: 'gdp', period: '2020', value: Number.NaN, expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect(await callerAs(db, VIEWER).indicators.values({ id: 'gdp' })).toEqual([])
  })

  it('accepts a negative growth rate where the indicator allows it', async () => {
    await expect(
      planner().indicators.setValue({
        id: 'industrial-investment-growth',
        period: '2020-03',
        value: -12.5,
        expectedVersion: 0,
      }),
    ).resolves.toMatchObject({ version: 1 })
  })

  it('corrects under the version rule and keeps who and when in the trail', async () => {
    const p = planner()
    await p.indicators.setValue({ id: 'gdp', period: '2020', value: 560, expectedVersion: 0 })
    await expect(
      p.indicators.setValue({ id: 'gdp', period: '2020', value: 570, expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await p.indicators.setValue({ id: 'gdp', period: '2020', value: 571.3, expectedVersion: 1, note: '统计局年报修订' })
    const values = await callerAs(db, VIEWER).indicators.values({ id: 'gdp' })
    expect(values).toMatchObject([{ period: '2020', value: 571.3, version: 2, updatedBy: 'planner-li' }])
    const trail = await callerAs(db, VIEWER).indicators.history({ subject: 'indicator', id: 'gdp' })
    expect(trail.map((e) => [e.kind, e.from, e.to, e.actor, e.note])).toEqual([
      ['correction', '560', '571.3', 'planner-li', '统计局年报修订'],
      ['edit', null, '560', 'planner-li', null],
    ])
  })
})

describe('indicators.setMilestone', () => {
  it('needs evidence for a done date and refuses a future date', async () => {
    const p = planner()
    await expect(
      p.indicators.setMilestone({ id: 'ywtg-gouzhao-rules', expectedVersion: 1, doneOn: '2020-08-30', evidence: null }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      p.indicators.setMilestone({
        id: 'ywtg-gouzhao-rules',
        expectedVersion: 1,
        doneOn: '2020-10-01',
        evidence: '通知',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The date 2020-10-01 is in the future' })
    await expect(
      p.indicators.setMilestone({ id: 'ywtg-nowhere', expectedVersion: 1, doneOn: null, evidence: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await p.indicators.setMilestone({
      id: 'ywtg-gouzhao-rules',
      expectedVersion: 1,
      doneOn: '2020-08-30',
      evidence: '沟赵乡一网统管制度文件',
    })
    const o = await callerAs(db, null, new Date('2020-09-15T04:00:00Z')).indicators.overview()
    expect(o.milestones.find((m) => m.id === 'ywtg-gouzhao-rules')).toMatchObject({
      status: 'done',
      doneOn: '2020-08-30',
      evidence: '沟赵乡一网统管制度文件',
    })
  })
})

describe('indicators.live', () => {
  it('streams a committed value to an anonymous subscriber', async () => {
    const stream = (await callerAs(db, null).indicators.live()) as AsyncIterable<unknown>
    const it = stream[Symbol.asyncIterator]()
    const first = it.next()
    // The subscription is attached once the hub has a listener: wait for that, not for a time.
    await vi.waitFor(() => expect(indicatorHubFor(db).listenerCount('change')).toBe(1))
    await planner().indicators.setValue({ id: 'new-enterprises', period: '2020-08', value: 6400, expectedVersion: 0 })
    const { value } = await first
    expect(value).toMatchObject({ subject: 'indicator', subjectId: 'new-enterprises', period: '2020-08', to: '6400' })
    expect(JSON.stringify(value)).not.toMatch(/planner-li/)
    await it.return?.()
  })
})
