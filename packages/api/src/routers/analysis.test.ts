import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROGRESS_FIXTURE_SOURCE, prepareProgressFixture } from '@onemap/db/testing/progress-fixture'
import { callerAs, PLANNER, VIEWER } from '../testing/fixture.ts'

let db: TestDatabase

// The fixture's four segments run along 113.55 E from 34.78 to 34.82 N (s1 southmost). The river
// here runs along 113.5512 E from 34.78 to 34.795: 0.0012° of longitude at 34.79° N is ≈ 109.7 m
// on the CGCS2000 ellipsoid, so s1 and s2 lie ≈ 110 m from it and s3 (from 34.80) ≈ 565 m.
beforeAll(async () => {
  db = await openTestDatabase({
    template: 'api-analysis-fixture',
    sources: [PROGRESS_FIXTURE_SOURCE],
    prepare: async (d) => {
      await prepareProgressFixture(d)
      await d.query(
        `INSERT INTO rivers (id, name_zh, name_en, geom)
         VALUES ('rv', '测试河', 'Test River', ST_Multi(ST_SetSRID(ST_MakeLine(ST_MakePoint(113.5512, 34.78), ST_MakePoint(113.5512, 34.795)), 4490)))`,
      )
    },
  })
  await callerAs(db, PLANNER).edits.setStatus({
    entity: 'road_segment',
    id: 's1',
    expectedVersion: 1,
    to: 'under_construction',
    at: '2021-02-01',
  })
  await callerAs(db, PLANNER).edits.setStatus({
    entity: 'road_segment',
    id: 's1',
    expectedVersion: 2,
    to: 'completed',
    at: '2021-05-01',
  })
})
afterAll(async () => {
  await db?.close()
})

const ids = async (selection: Parameters<ReturnType<typeof callerAs>['analysis']['segments']>[0]) =>
  (await callerAs(db, VIEWER).analysis.segments(selection)).ids

describe('analysis.segments', () => {
  it('totals the selection: count, metres and the share completed by length', async () => {
    const all = await callerAs(db, VIEWER).analysis.segments({})
    expect(all.totals.segments).toBe(4)
    expect(all.totals.lengthM).toBeCloseTo(4 * 1109.4, -1)
    expect(all.totals.completedShare).toBeCloseTo(0.25, 3)
  })

  it('matches features.query for the same feature filter, so the table and the map agree', async () => {
    const filter = { status: ['planned', 'under_construction', 'suspended'], subDistrict: '410172560' }
    const fc = await callerAs(db, null).features.query({ layer: 'road_segments', filter })
    expect(await ids({ filter })).toEqual(fc.features.map((f) => f.id).sort())
    expect(fc.features.length).toBeGreaterThan(0)
  })

  it('keeps the schedule states asked for (overdue: planned start passed, not started)', async () => {
    // On 2021-06-01 s2 is overdue (planned 2021-01-01); s1 is done; s3 and s4 start too late for the deadline.
    expect(await ids({ schedule: ['overdue'] })).toEqual(['s2'])
    expect(await ids({ schedule: ['at_risk'] })).toEqual(['s3', 's4'])
  })

  it('finds segments within N metres of a river, measured on the ellipsoid', async () => {
    expect(await ids({ riverZone: { riverId: 'rv', distanceM: 100 } })).toEqual([])
    expect(await ids({ riverZone: { riverId: 'rv', distanceM: 150 } })).toEqual(['s1', 's2'])
    expect(await ids({ riverZone: { riverId: 'rv', distanceM: 600 } })).toEqual(['s1', 's2', 's3'])
  })

  it('names a missing river or sub-district instead of answering an empty list', async () => {
    await expect(ids({ riverZone: { riverId: 'nope', distanceM: 10 } })).rejects.toThrow(/No river with id 'nope'/)
    await expect(ids({ filter: { subDistrict: '410172999' } })).rejects.toThrow(/410172999/)
  })

  it('sorts, pages, and jumps to the page holding a focused segment', async () => {
    const page2 = await callerAs(db, VIEWER).analysis.segments({ sort: 'id', dir: 'asc', pageSize: 3, page: 2 })
    expect(page2.rows.map((r) => r.id)).toEqual(['s4'])
    const focused = await callerAs(db, VIEWER).analysis.segments({
      sort: 'id',
      dir: 'desc',
      pageSize: 2,
      focusId: 's1',
    })
    expect(focused.page).toBe(2)
    expect(focused.rows.map((r) => r.id)).toEqual(['s2', 's1'])
  })

  it('is for signed-in accounts only', async () => {
    await expect(callerAs(db, null).analysis.segments({})).rejects.toThrow(/Sign in/)
  })
})

describe('analysis.segment and analysis.export', () => {
  it('gives the drawer the last editor, version and geometry', async () => {
    const s1 = await callerAs(db, VIEWER).analysis.segment({ id: 's1' })
    expect(s1).toMatchObject({ id: 's1', status: 'completed', version: 3, updatedBy: PLANNER.name, state: 'done' })
    expect(s1.geometry.coordinates).toEqual([
      [113.55, 34.78],
      [113.55, 34.79],
    ])
    await expect(callerAs(db, VIEWER).analysis.segment({ id: 'zz' })).rejects.toThrow(/No road segment with id 'zz'/)
  })

  it('reads the drawer’s one row with the same facts as the table’s row of it', async () => {
    const caller = callerAs(db, VIEWER)
    const table = await caller.analysis.segments({ pageSize: 500 })
    for (const row of table.rows) expect(await caller.analysis.segment({ id: row.id })).toMatchObject(row)
    const facilities = await caller.analysis.facilities({ pageSize: 500 })
    expect(facilities.rows.length).toBeGreaterThan(0)
    for (const row of facilities.rows) expect(await caller.analysis.facility({ id: row.id })).toMatchObject(row)
    await expect(caller.analysis.facility({ id: 'zz' })).rejects.toThrow(/No facility with id 'zz'/)
  })

  it('exports exactly the selection with geometry and attributes', async () => {
    const fc = await callerAs(db, VIEWER).analysis.export({ schedule: ['at_risk'] })
    expect(fc.features.map((f) => f.id)).toEqual(['s3', 's4'])
    expect(fc.features[0]?.geometry?.type).toBe('LineString')
    expect(fc.features[0]?.properties).toMatchObject({
      status: 'planned',
      plannedStart: '2022-09-01',
      roadClass: 'secondary',
    })
  })
})
