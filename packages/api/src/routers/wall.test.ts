import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openFixtureDatabase()
  const p = callerAs(db, PLANNER, new Date('2021-09-01T04:00:00Z'))
  await p.edits.setStatus({ entity: 'facility', id: 'f1', expectedVersion: 1, to: 'started', at: '2021-03-05', note: 'site meeting' })
  await p.edits.setStatus({ entity: 'road_segment', id: 's2', expectedVersion: 1, to: 'under_construction', at: '2021-05-01' })
  await p.edits.revisePlan({ entity: 'road_segment', id: 's2', expectedVersion: 2, revisedStart: '2021-01-01', revisedFinish: '2021-12-31', reason: 'site meeting' })
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
    expect(rows[0]).toMatchObject({ nameZh: '测试路', nameEn: 'Test Road', from: 'planned', happenedOn: '2021-05-01', kind: 'edit' })
    expect(rows[1]?.nameZh).toBe('f1')
    expect(rows[0]?.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(JSON.stringify(rows)).not.toMatch(/planner-li|site meeting/)
  })

  it('honours the limit and rejects one out of range', async () => {
    expect(await callerAs(db, null).wall.ticker({ limit: 1 })).toHaveLength(1)
    await expect(callerAs(db, null).wall.ticker({ limit: 0 })).rejects.toThrow(/limit/)
  })
})
