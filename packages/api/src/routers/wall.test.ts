import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

const ON = new Date('2021-09-01T04:00:00Z')

let db: TestDatabase
beforeAll(async () => {
  db = await openFixtureDatabase()
  const p = callerAs(db, PLANNER, ON)
  await p.edits.setStatus({
    entity: 'facility',
    id: 'f1',
    expectedVersion: 1,
    to: 'started',
    at: '2021-03-05',
    note: 'site meeting',
  })
  await p.edits.setStatus({
    entity: 'road_segment',
    id: 's2',
    expectedVersion: 1,
    to: 'under_construction',
    at: '2021-05-01',
  })
  await p.edits.revisePlan({
    entity: 'road_segment',
    id: 's2',
    expectedVersion: 2,
    revisedStart: '2021-01-01',
    revisedFinish: '2021-12-31',
    reason: 'site meeting',
  })
})
afterAll(async () => {
  await db.close()
})

describe('wall.ticker', () => {
  it('lists status changes newest first with the item name and no planner-only fields', async () => {
    const rows = await callerAs(db, null).wall.ticker({ limit: 10 })
    // The date change keeps the status, so it is not a ticker line.
    expect(rows.map((r) => [r.entity, r.entityId, r.to])).toEqual([
      ['road_segment', 's2', 'under_construction'],
      ['facility', 'f1', 'started'],
    ])
    expect(rows[0]).toMatchObject({
      nameZh: '测试路',
      nameEn: 'Test Road',
      from: 'planned',
      happenedOn: '2021-05-01',
      kind: 'edit',
    })
    expect(rows[1]?.nameZh).toBe('f1')
    expect(rows[0]?.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(JSON.stringify(rows)).not.toMatch(/planner-li|site meeting/)
  })

  it('leaves out bookkeeping and nameless items, and puts sample history after real changes', async () => {
    const own = await openFixtureDatabase()
    try {
      const q = (sql: string, params: unknown[]) => own.query(sql, params)
      const add = (id: string, from: string | null, to: string, kind: string, at: string) =>
        q(
          `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, recorded_at, actor, kind)
           VALUES ('facility', $1, $2, $3, '2021-02-01', $4, 'test', $5)`,
          [id, from, to, at, kind],
        )
      await add('f2', 'planned', 'started', 'seed', '2021-08-01T00:00:00Z')
      await add('f3', 'planned', 'started', 'edit', '2021-01-01T00:00:00Z')
      await add('f3', null, 'planned', 'edit', '2021-07-01T00:00:00Z')
      await add('f2', 'planned', 'suspended', 'import', '2021-07-02T00:00:00Z')
      await add('f2', 'planned', 'started', 'split', '2021-07-03T00:00:00Z')
      await add('gone', 'planned', 'started', 'edit', '2021-07-04T00:00:00Z')
      const rows = await callerAs(own, null).wall.ticker({ limit: 10 })
      // The older edit still comes before the newer sample-history row.
      expect(rows.map((r) => [r.entityId, r.kind])).toEqual([
        ['f3', 'edit'],
        ['f2', 'seed'],
      ])
    } finally {
      await own.close()
    }
  })

  it('honours the limit and rejects one out of range', async () => {
    expect(await callerAs(db, null).wall.ticker({ limit: 1 })).toHaveLength(1)
    await expect(callerAs(db, null).wall.ticker({ limit: 0 })).rejects.toThrow(/limit/)
  })
})

describe('wall.alarms', () => {
  it('lists programme items holding a 督办 card, red first and then by the shared lateness measure', async () => {
    const alarms = await callerAs(db, null, ON).wall.alarms()
    // s1 was planned to start 2021-01-01 and has not; s2 is under way and its finish is ahead; s3, s4
    // start in 2022; the schools have no planned start and their latest start is the 2023 deadline.
    expect(alarms).toMatchObject({ source: 'cards', total: 1, orders: null })
    expect(alarms.items).toEqual([
      {
        entity: 'road_segment',
        id: 's1',
        nameZh: '测试路',
        nameEn: 'Test Road',
        level: 'red',
        days: 243,
        basis: 'not_started',
        since: '2021-01-01',
        subDistrictName: null,
      },
    ])
    expect(alarms.late).toEqual({ road_segment: { count: 1, maxDays: 243 }, facility: { count: 0, maxDays: 0 } })
  })

  it('takes in an item whose planned finish moves into the past, and honours the limit', async () => {
    const own = await openFixtureDatabase()
    try {
      const p = callerAs(own, PLANNER, ON)
      await p.edits.setStatus({
        entity: 'road_segment',
        id: 's3',
        expectedVersion: 1,
        to: 'under_construction',
        at: '2021-05-01',
      })
      // The 2020 baseline is immutable through the API (issue 13); this fixture moves it in SQL.
      await own.query(
        "UPDATE road_segments SET planned_start = '2020-01-01', planned_finish = '2020-09-01' WHERE id = 's3'",
      )
      const alarms = await callerAs(own, null, ON).wall.alarms({ limit: 1 })
      // s1 and s2 (not started since 2021-01-01, 243 days) follow.
      expect(alarms.total).toBe(3)
      expect(alarms.items.map((i) => [i.id, i.days, i.basis, i.since])).toEqual([
        ['s3', 365, 'unfinished', '2020-09-01'],
      ])
      expect(alarms.late.road_segment).toEqual({ count: 3, maxDays: 365 })
      await expect(callerAs(own, null, ON).wall.alarms({ limit: 0 })).rejects.toThrow(/limit/)
    } finally {
      await own.close()
    }
  })
})

describe('wall.rivers', () => {
  it('gives each river its chief and the length inside the zone only', async () => {
    const own = await openFixtureDatabase()
    try {
      await own.query(
        `INSERT INTO zone_boundary (id, code, name_zh, name_en, geom) VALUES ('z', '410171', '高新区', 'Zone', ST_Multi(ST_MakeEnvelope(113.5, 34.7, 113.6, 34.9, 4490)))`,
      )
      // Two 0.01° stretches of latitude, one inside the zone and one north of it (≈ 1109 m each).
      await own.query(
        `INSERT INTO rivers (id, name_zh, name_en, geom, river_chief, river_chief_is_sample)
         VALUES ('rv', '测试河', 'Test River', ST_Multi(ST_SetSRID(ST_MakeLine(ST_MakePoint(113.55, 34.89), ST_MakePoint(113.55, 34.91)), 4490)), '张三', true)`,
      )
      const [river, ...rest] = await callerAs(own, null).wall.rivers()
      expect(rest).toEqual([])
      expect(river).toMatchObject({ id: 'rv', nameZh: '测试河', riverChief: '张三', riverChiefIsSample: true })
      expect(river?.lengthInZoneM).toBeGreaterThan(1100)
      expect(river?.lengthInZoneM).toBeLessThan(1120)
    } finally {
      await own.close()
    }
  })
})
