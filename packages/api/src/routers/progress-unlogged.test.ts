import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerAs, openFixtureDatabase } from '../testing/fixture.ts'

// A programme segment entered with its dates but no status history (as an import without events
// or a hand-inserted row would be): built from 2020-10-01 to 2021-03-31.
let db: TestDatabase
const NOW = new Date('2021-09-01T04:00:00Z')

beforeAll(async () => {
  db = await openFixtureDatabase()
  await db.query(
    `INSERT INTO road_segments (id, road_id, geom, status, actual_start, actual_finish, updated_by)
     VALUES ('old', 'rd', ST_SetSRID(ST_MakeLine(ST_MakePoint(113.57, 34.78), ST_MakePoint(113.57, 34.79)), 4490),
             'completed', '2020-10-01', '2021-03-31', 'test')`,
  )
})
afterAll(async () => {
  await db.close()
})

const statusOf = async (date: string) => {
  const r = await callerAs(db, null, NOW).progress.asOf({ date })
  return { status: r.items.find((i) => i.id === 'old')?.status, completedM: r.roads.completedM }
}

describe('progress.asOf for an item without events', () => {
  it('is planned before its actual start, under construction until its finish, completed after', async () => {
    expect(await statusOf('2020-09-30')).toEqual({ status: 'planned', completedM: 0 })
    expect((await statusOf('2021-01-15')).status).toBe('under_construction')
    const after = await statusOf('2021-03-31')
    expect(after.status).toBe('completed')
    // One 0.01° meridian segment at ~34.8° N is ≈ 1109.4 m (see progress.test.ts).
    expect(after.completedM).toBeCloseTo(1109.4, -1)
  })

  it('agrees with the timeline, whose March 2021 point counts the finished segment', async () => {
    const t = await callerAs(db, null, NOW).progress.timeline()
    expect(t.points.find((p) => p.date === '2021-02-28')?.roadsCompletedM).toBe(0)
    expect(t.points.find((p) => p.date === '2021-03-31')?.roadsCompletedM).toBeCloseTo(1109.4, -1)
  })

  it('shows a pre-programme facility without events or dates as it is now on a past date', async () => {
    const r = await callerAs(db, null, NOW).progress.asOf({ date: '2020-01-01' })
    expect(r.items.find((i) => i.id === 'c1')?.status).toBe('in_service')
  })
})
