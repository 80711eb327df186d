import { describe, expect, it } from 'vitest'
import { callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

const ON = new Date('2021-09-01T04:00:00Z')

/** The figures `wall.itemFigures` answers for one item are the whole procedures' answers, cut to that item. */
async function expectAgreement(db: Awaited<ReturnType<typeof openFixtureDatabase>>, id: string) {
  const pub = callerAs(db, null, ON)
  const [figures, summary, alarms] = await Promise.all([
    pub.wall.itemFigures({ entity: 'road_segment', id }),
    pub.progress.summary(),
    pub.wall.alarms({ limit: 50 }),
  ])
  expect(figures).not.toBeNull()
  // A segment's change moves the roads figures only: the facilities ones are left out (null).
  const { subDistrict, renewalUnit, ...stamps } = figures!.summary
  expect(stamps).toEqual({
    asOf: summary.asOf,
    dataChangedAt: summary.dataChangedAt,
    today: summary.today,
    roads: summary.roads,
    facilities: null,
  })
  const place = (p: { roads: unknown }) => ({ roads: p.roads, facilities: null })
  expect(summary.bySubDistrict.map((s) => ({ code: s.code, ...place(s) }))).toContainEqual(subDistrict)
  expect(summary.byRenewalUnit.map((u) => ({ id: u.id, ...place(u) }))).toContainEqual(renewalUnit)
  const { items, ...counts } = alarms
  const { item, position, ...figureCounts } = figures!.alarms
  expect(figureCounts).toEqual(counts)
  const at = items.findIndex((a) => a.id === id)
  expect(position).toBe(at >= 0 ? at : null)
  expect(item).toEqual(at >= 0 ? items[at] : null)
  return figures!
}

describe('wall.itemFigures', () => {
  it('answers the summary and alarm figures of one item as the whole procedures do, before and after its change', async () => {
    const db = await openFixtureDatabase()
    try {
      // s1 and s2 have not started since their planned start: both hold a red card, s1 first.
      const before = await expectAgreement(db, 's1')
      expect(before.alarms).toMatchObject({ total: 2, position: 0, item: { id: 's1', level: 'red' } })
      await callerAs(db, PLANNER, ON).edits.setStatus({
        entity: 'road_segment',
        id: 's1',
        expectedVersion: 1,
        to: 'under_construction',
        at: '2021-08-30',
      })
      const after = await expectAgreement(db, 's1')
      expect(after.summary.roads?.states).not.toEqual(before.summary.roads?.states)
      expect(after.alarms.late.road_segment.count).toBe(before.alarms.late.road_segment.count - 1)
    } finally {
      await db.close()
    }
  })

  it('answers null for an unknown item and refuses a bad entity', async () => {
    const db = await openFixtureDatabase()
    try {
      const pub = callerAs(db, null, ON)
      expect(await pub.wall.itemFigures({ entity: 'facility', id: 'no-such-facility' })).toBeNull()
      await expect(pub.wall.itemFigures({ entity: 'river' as 'facility', id: 'x' })).rejects.toThrow(/entity/)
    } finally {
      await db.close()
    }
  })
})
