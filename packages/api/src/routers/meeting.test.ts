import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

let db: TestDatabase
const NOW = new Date('2021-06-01T04:00:00Z')
beforeAll(async () => {
  db = await openFixtureDatabase()
  // Loaded history on a recent site date must not count as a change made this week.
  await db.query(
    `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind) VALUES ('facility', 'c1', 'planned', 'in_service', '2021-05-28', 'seed', 'seed')`,
  )
  const p = callerAs(db, PLANNER, NOW)
  await p.edits.setStatus({
    entity: 'facility',
    id: 'f1',
    expectedVersion: 1,
    to: 'started',
    at: '2021-05-27',
    note: '开工',
  })
  await p.edits.setStatus({
    entity: 'road_segment',
    id: 's1',
    expectedVersion: 1,
    to: 'under_construction',
    at: '2021-05-29',
  })
  await p.edits.setStatus({
    entity: 'road_segment',
    id: 's1',
    expectedVersion: 2,
    to: 'suspended',
    at: '2021-05-30',
    note: '拆迁',
  })
  // Entered this week but happened long ago: not this week's change.
  await p.edits.setStatus({ entity: 'facility', id: 'f2', expectedVersion: 1, to: 'started', at: '2021-01-10' })
  await p.edits.splitSegment({ id: 's2', expectedVersion: 1, lon: 113.5503, lat: 34.7925 })
})
afterAll(async () => {
  await db.close()
})

describe('progress.changesSince', () => {
  it('lists what happened since the date with names, no seed rows and a split as one row', async () => {
    const rows = await callerAs(db, PLANNER, NOW).progress.changesSince({ since: '2021-05-25' })
    expect(rows.map((r) => [r.entityId, r.from, r.to])).toEqual([
      ['s2', 'planned', 'planned'],
      ['s1', 'under_construction', 'suspended'],
      ['s1', 'planned', 'under_construction'],
      ['f1', 'planned', 'started'],
    ])
    expect(rows[0]).toMatchObject({ kind: 'split', nameZh: '测试路', parts: ['s2.1', 's2.2'] })
    expect(rows[1]).toMatchObject({ nameZh: '测试路', nameEn: 'Test Road', subDistrictName: null, note: '拆迁' })
    const all = await callerAs(db, PLANNER, NOW).progress.changesSince({ since: '2021-05-25', includeLoaded: true })
    expect(all.map((r) => r.entityId)).toContain('c1')
  })

  it('gives the public no actor or note', async () => {
    const rows = await callerAs(db, null, NOW).progress.changesSince({ since: '2021-05-25' })
    expect(JSON.stringify(rows)).not.toMatch(/planner-li|拆迁/)
  })
})

describe('meeting', () => {
  it('counts what started, finished, slipped and became late in the week', async () => {
    const f = await callerAs(db, PLANNER, NOW).meeting.figures({ since: '2021-05-25' })
    expect(f.started).toEqual(['facility:f1', 'road_segment:s1'])
    expect(f.finished).toEqual([])
    expect(f.slipped).toEqual(['road_segment:s1'])
    expect(f.until).toBe('2021-06-01')
  })

  it('remembers the last meeting date per programme', async () => {
    const p = callerAs(db, PLANNER, NOW)
    expect(await p.meeting.last()).toBeNull()
    await p.meeting.mark({ heldOn: '2021-05-24' })
    await p.meeting.mark({})
    expect(await p.meeting.last()).toMatchObject({ heldOn: '2021-06-01', actor: 'planner-li' })
    await expect(p.meeting.mark({ heldOn: '2021-06-02' })).rejects.toThrow(/future/)
  })

  it('lets an admin set a revised deadline beside the original, which the figures keep', async () => {
    await expect(
      callerAs(db, PLANNER, NOW).meeting.reviseDeadline({ deadline: '2024-12-31', reason: '重新排期' }),
    ).rejects.toThrow(/admin/)
    await callerAs(db, ADMIN, NOW).meeting.reviseDeadline({ deadline: '2024-12-31', reason: '重新排期' })
    const d = await callerAs(db, PLANNER, NOW).meeting.deadlines()
    expect(d).toMatchObject({
      original: '2023-08-02',
      revisions: [{ deadline: '2024-12-31', reason: '重新排期', actor: 'admin' }],
    })
    const s = await callerAs(db, null, NOW).progress.summary()
    expect(s.programme).toMatchObject({
      deadline: '2023-08-02',
      revisedDeadline: { deadline: '2024-12-31', reason: '重新排期' },
    })
    await expect(db.query('DELETE FROM programme_deadline_revisions')).rejects.toThrow(/append-only/)
  })
})
