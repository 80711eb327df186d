import { loadReplayEvents, statusesOn } from '@onemap/db/queries/progress'
import type { TestDatabase } from '@onemap/db/testing'
import { replayStatuses } from '@onemap/domain/progress'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

let db: TestDatabase
// One meridian segment of 0.01° latitude at ~34.8° N: 110,941 m per degree there (hand-computed
// from the CGCS2000 ellipsoid meridian arc), so ≈ 1109.4 m.
const SEGMENT_M = 1109.4

beforeAll(async () => {
  db = await openFixtureDatabase()
  const p = callerAs(db, PLANNER, new Date('2021-09-01T04:00:00Z'))
  await p.edits.setStatus({
    entity: 'road_segment',
    id: 's1',
    expectedVersion: 1,
    to: 'under_construction',
    at: '2021-01-10',
  })
  await p.edits.setStatus({ entity: 'road_segment', id: 's1', expectedVersion: 2, to: 'completed', at: '2021-08-20' })
  await p.edits.setStatus({ entity: 'facility', id: 'f1', expectedVersion: 1, to: 'started', at: '2021-03-05' })
  await p.edits.setStatus({ entity: 'facility', id: 'f2', expectedVersion: 1, to: 'suspended', at: '2021-04-01' })
  // Back-dated after the fact, and an admin correction: replay must order by site date.
  await p.edits.setStatus({
    entity: 'road_segment',
    id: 's3',
    expectedVersion: 1,
    to: 'under_construction',
    at: '2020-12-01',
  })
  await callerAs(db, ADMIN, new Date('2021-09-01T04:00:00Z')).edits.setStatus({
    entity: 'road_segment',
    id: 's3',
    expectedVersion: 2,
    to: 'planned',
    at: '2021-02-01',
    note: 'no work on site after all',
  })
})
afterAll(async () => {
  await db.close()
})

describe('progress.summary', () => {
  it('matches the hand-computed goals and deadline distance', async () => {
    const s = await callerAs(db, null, new Date('2021-09-01T04:00:00Z')).progress.summary()
    expect(s.roads.plannedM).toBeCloseTo(4 * SEGMENT_M, -1)
    expect(s.roads.completedM).toBeCloseTo(SEGMENT_M, -1)
    expect(s.roads.ratio).toBeCloseTo(0.25, 3)
    // Three programme schools, one started; the suspended one had not started; the clinic is context.
    expect(s.facilities).toMatchObject({ planned: 3, started: 1 })
    expect(s.facilities.byKind.school.ratio).toBeCloseTo(1 / 3)
    expect(s.programme.daysToDeadline).toBe(700)
    expect(s.today).toBe('2021-09-01')
  })

  it('splits by sub-district through the segment midpoints', async () => {
    const s = await callerAs(db, null, new Date('2021-09-01T04:00:00Z')).progress.summary()
    const fengyang = s.bySubDistrict.find((d) => d.code === '410172560')
    const outside = s.bySubDistrict.find((d) => d.code === null)
    expect(fengyang?.roads.plannedM).toBeCloseTo(2 * SEGMENT_M, -1)
    expect(outside?.roads.completedM).toBeCloseTo(SEGMENT_M, -1)
    expect(outside?.facilities.planned).toBe(3)
  })

  it('counts schedule states: s1 done, s2 overdue, s3 (corrected back) and s4 at risk: planned after the latest start', async () => {
    const s = await callerAs(db, null, new Date('2021-09-01T04:00:00Z')).progress.summary()
    expect(s.roads.states).toEqual({ done: 1, on_track: 0, at_risk: 2, overdue: 1, late: 0 })
  })
})

describe('progress.asOf', () => {
  it('equals a replay of the event log on every date', async () => {
    const events = await loadReplayEvents(db)
    for (const date of [
      '2020-11-30',
      '2020-12-01',
      '2021-01-31',
      '2021-02-01',
      '2021-03-05',
      '2021-08-19',
      '2021-08-20',
      '2022-01-01',
    ]) {
      const sql = await statusesOn(db, date)
      const replayed = replayStatuses(events, date)
      for (const item of sql) {
        expect(item.status, `${item.entity} ${item.id} on ${date}`).toBe(
          replayed.get(`${item.entity}:${item.id}`)?.status ?? 'planned',
        )
      }
    }
  })

  it('rebuilds the goals on a past date', async () => {
    const r = await callerAs(db, null).progress.asOf({ date: '2021-08-19' })
    expect(r.roads.completedM).toBe(0)
    expect(r.items.find((i) => i.id === 's3')?.status).toBe('planned')
    const later = await callerAs(db, null).progress.asOf({ date: '2021-08-20' })
    expect(later.roads.ratio).toBeCloseTo(0.25, 3)
  })
})

describe('progress.timeline', () => {
  it('has one point per month from the programme start and rises when s1 completes', async () => {
    const t = await callerAs(db, null, new Date('2021-09-01T04:00:00Z')).progress.timeline()
    expect(t.points[0]?.date).toBe('2020-08-31')
    expect(t.points.at(-1)?.date).toBe('2021-09-01')
    expect(t.points.length).toBe(14)
    const july = t.points.find((p) => p.date === '2021-07-31')
    const august = t.points.find((p) => p.date === '2021-08-31')
    expect(july?.roadsCompletedM).toBe(0)
    expect(august?.roadsRatio).toBeCloseTo(0.25, 3)
    expect(august?.facilitiesStarted).toBe(1)
  })
})

describe('public fields', () => {
  it('hides actors and notes from the public in changesSince, and shows them to signed-in users', async () => {
    const pub = await callerAs(db, null).progress.changesSince({ since: '2000-01-01' })
    expect(pub.length).toBeGreaterThan(0)
    for (const e of pub)
      expect(Object.keys(e).sort()).toEqual([
        'entity',
        'entityId',
        'from',
        'happenedOn',
        'id',
        'kind',
        'nameEn',
        'nameZh',
        'parts',
        'recordedAt',
        'subDistrictCode',
        'subDistrictName',
        'to',
      ])
    const signedIn = await callerAs(db, PLANNER).progress.changesSince({ since: '2000-01-01' })
    expect(signedIn.some((e) => 'actor' in e && e.actor === 'planner-li')).toBe(true)
  })

  it('never puts an account name or note anywhere in the public progress answers', async () => {
    const anon = callerAs(db, null, new Date('2021-09-01T04:00:00Z'))
    const text = JSON.stringify([
      await anon.progress.summary(),
      await anon.progress.items(),
      await anon.progress.asOf({ date: '2021-09-01' }),
      await anon.roads.unbuilt({}),
    ])
    for (const secret of ['planner-li', 'admin', 'no work on site']) expect(text).not.toContain(secret)
  })
})

describe('roads.unbuilt', () => {
  it('lists segments not completed, most overdue first, paged', async () => {
    const r = await callerAs(db, null, new Date('2021-09-01T04:00:00Z')).roads.unbuilt({ pageSize: 2 })
    expect(r.total).toBe(3)
    expect(r.rows.map((x) => [x.id, x.overdueDays])).toEqual([
      ['s2', 243],
      ['s3', 0],
    ])
    expect(r.rows[0]?.latestStart).toBe('2022-08-02')
    const page2 = await callerAs(db, null, new Date('2021-09-01T04:00:00Z')).roads.unbuilt({ pageSize: 2, page: 2 })
    expect(page2.rows.map((x) => x.id)).toEqual(['s4'])
    const byLength = await callerAs(db, null).roads.unbuilt({ sort: 'sub_district', dir: 'asc' })
    expect(byLength.rows.at(-1)?.subDistrictCode).toBeNull()
  })
})
