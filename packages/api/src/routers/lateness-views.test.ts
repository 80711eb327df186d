import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openFixtureDatabase()
  const p = callerAs(db, PLANNER)
  await p.edits.setStatus({
    entity: 'road_segment',
    id: 's4',
    expectedVersion: 1,
    to: 'under_construction',
    at: '2021-02-01',
  })
  await p.edits.setStatus({
    entity: 'road_segment',
    id: 's4',
    expectedVersion: 2,
    to: 'suspended',
    at: '2021-03-01',
    note: '资金未到位',
  })
})
afterAll(async () => {
  await db.close()
})

describe('one lateness measure in every view', () => {
  it('counts a suspended segment from its suspension (from the event log) and sorts it above a later-planned one', async () => {
    // s4 was started, then suspended on 2021-03-01: 92 days by 2021-06-01, though it started (overdueDays 0).
    const unbuilt = await callerAs(db, null).roads.unbuilt({})
    const s4 = unbuilt.rows.find((r) => r.id === 's4')!
    expect(s4).toMatchObject({
      overdueDays: 0,
      lateDays: 92,
      suspendedSince: '2021-03-01',
      lateness: { basis: 'suspended', daysSuspended: 92 },
    })
    const ids = unbuilt.rows.map((r) => r.id)
    // s3 is planned to start on 2022-09-01, after today: not late, so it sorts below.
    expect(ids.indexOf('s4')).toBeLessThan(ids.indexOf('s3'))
    const items = await callerAs(db, null).progress.items()
    expect(items.find((i) => i.id === 's4')?.lateDays).toBe(92)
  })

  it('sorts the planner’s table the same way', async () => {
    const page = await callerAs(db, PLANNER).analysis.segments({ filter: {}, pageSize: 10 })
    const ids = page.rows.map((r) => r.id)
    expect(ids.indexOf('s4')).toBeLessThan(ids.indexOf('s3'))
    expect(page.rows.map((r) => r.lateDays ?? -1)).toEqual(
      [...page.rows.map((r) => r.lateDays ?? -1)].sort((a, b) => b - a),
    )
  })
})
