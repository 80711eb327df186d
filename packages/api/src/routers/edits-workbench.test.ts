import type { TestDatabase } from '@onemap/db/testing'
import { TRPCError } from '@trpc/server'
import { beforeEach, describe, expect, it } from 'vitest'
import { ADMIN, callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

let db: TestDatabase
// Every case edits: each gets its own copy of the fixture.
beforeEach(async () => {
  db = await openFixtureDatabase()
  return () => db.close()
})

const row = async (table: string, id: string) =>
  (
    await db.query<{
      status: string
      version: number
      planned_start: string | null
      revised_start: string | null
      revised_finish: string | null
      actual_start: string | null
    }>(
      `SELECT status, version, planned_start::text, revised_start::text, revised_finish::text, actual_start::text FROM ${table} WHERE id = $1`,
      [id],
    )
  ).rows[0]!
const events = async (id: string) =>
  (
    await db.query<{
      id: number
      from_status: string
      to_status: string
      kind: string
      actor: string
      note: string | null
      undoes: number | null
      happened_on: string
    }>(
      'SELECT id::int, from_status, to_status, kind, actor, note, undoes::int, happened_on::text FROM status_events WHERE entity_id = $1 ORDER BY id',
      [id],
    )
  ).rows
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  )

describe('edits.revisePlan', () => {
  const revise = () =>
    callerAs(db, PLANNER).edits.revisePlan({
      entity: 'road_segment',
      id: 's1',
      expectedVersion: 1,
      revisedStart: '2021-09-01',
      revisedFinish: '2022-06-30',
      reason: '拆迁延期',
    })

  it('records a revised plan with its reason and keeps the baseline dates', async () => {
    const r = await revise()
    expect(r.version).toBe(2)
    expect(await row('road_segments', 's1')).toMatchObject({
      planned_start: '2021-01-01',
      revised_start: '2021-09-01',
      revised_finish: '2022-06-30',
    })
    expect((await events('s1')).at(-1)).toMatchObject({
      from_status: 'planned',
      to_status: 'planned',
      kind: 'edit',
      actor: 'planner-li',
      note: 'revised plan —…— → 2021-09-01…2022-06-30: 拆迁延期',
    })
  })

  it('shows both lateness figures in the table row', async () => {
    await revise()
    const page = await callerAs(db, PLANNER).analysis.segments({ filter: {}, sort: 'lateness', pageSize: 10 })
    const s1 = page.rows.find((r) => r.id === 's1')!
    // Baseline start 2021-01-01 → 151 days late on 2021-06-01; the revised start is still ahead.
    expect(s1.lateDays).toBe(151)
    expect(s1.lateDaysRevised).toBe(0)
  })

  it('needs a reason and a finish not before the start', async () => {
    const caller = callerAs(db, PLANNER)
    expect(
      await codeOf(
        caller.edits.revisePlan({
          entity: 'road_segment',
          id: 's3',
          expectedVersion: 1,
          revisedStart: null,
          revisedFinish: '2022-01-01',
          reason: ' ',
        }),
      ),
    ).toBe('BAD_REQUEST')
    expect(
      await codeOf(
        caller.edits.revisePlan({
          entity: 'road_segment',
          id: 's3',
          expectedVersion: 1,
          revisedStart: '2022-02-01',
          revisedFinish: '2022-01-01',
          reason: 'order',
        }),
      ),
    ).toBe('BAD_REQUEST')
    expect((await row('road_segments', 's3')).version).toBe(1)
  })
})

describe('edits.undo', () => {
  it('restores the previous status with a compensating event that names the undone one', async () => {
    const caller = callerAs(db, PLANNER)
    const done = await caller.edits.setStatus({
      entity: 'facility',
      id: 'f2',
      expectedVersion: 1,
      to: 'started',
      at: '2021-05-01',
      note: 'wrong school',
    })
    const r = await caller.edits.undo({ entity: 'facility', id: 'f2', expectedVersion: done.version })
    expect(r).toMatchObject({ status: 'planned', undid: done.eventId })
    expect(await row('facilities', 'f2')).toMatchObject({ status: 'planned', actual_start: null })
    const trail = await events('f2')
    expect(trail).toHaveLength(2)
    expect(trail[1]).toMatchObject({
      from_status: 'started',
      to_status: 'planned',
      kind: 'correction',
      undoes: done.eventId,
      happened_on: '2021-05-01',
      actor: 'planner-li',
    })
    // The pair cancels on every date: the item is planned on the day of the undone change.
    const asOf = await caller.progress.asOf({ date: '2021-05-02' })
    expect(asOf.items.find((i) => i.id === 'f2')?.status).toBe('planned')
  })

  it('refuses another planner’s edit, an undo of an undo and a stale version', async () => {
    const admin = callerAs(db, ADMIN)
    const done = await admin.edits.setStatus({
      entity: 'facility',
      id: 'f3',
      expectedVersion: 1,
      to: 'started',
      at: '2021-05-01',
    })
    expect(
      await codeOf(callerAs(db, PLANNER).edits.undo({ entity: 'facility', id: 'f3', expectedVersion: done.version })),
    ).toBe('PRECONDITION_FAILED')
    expect(await codeOf(admin.edits.undo({ entity: 'facility', id: 'f3', expectedVersion: 1 }))).toBe('CONFLICT')
    const undone = await admin.edits.undo({ entity: 'facility', id: 'f3', expectedVersion: done.version })
    expect(await codeOf(admin.edits.undo({ entity: 'facility', id: 'f3', expectedVersion: undone.version }))).toBe(
      'PRECONDITION_FAILED',
    )
  })
})

describe('edits.setStatusMany', () => {
  it('changes none when one item is stale, and all with one event each otherwise', async () => {
    const caller = callerAs(db, PLANNER)
    const ids = ['s2', 's3', 's4']
    const before = await Promise.all(ids.map((id) => row('road_segments', id)))
    const items = ids.map((id, i) => ({ entity: 'road_segment' as const, id, expectedVersion: before[i]!.version }))
    const stale = items.map((t, i) => (i === 1 ? { ...t, expectedVersion: t.expectedVersion + 5 } : t))
    const err = await caller.edits
      .setStatusMany({ items: stale, to: 'under_construction', at: '2021-05-01' })
      .catch((e: unknown) => e)
    expect((err as TRPCError).code).toBe('CONFLICT')
    expect((err as TRPCError).message).toContain("'s3'")
    for (const [i, id] of ids.entries()) expect((await row('road_segments', id)).version).toBe(before[i]!.version)
    const counts = await Promise.all(ids.map(async (id) => (await events(id)).length))
    const done = await caller.edits.setStatusMany({
      items,
      to: 'under_construction',
      at: '2021-05-01',
      note: '批量开工',
    })
    expect(done.map((d) => d.status)).toEqual(['under_construction', 'under_construction', 'under_construction'])
    for (const [i, id] of ids.entries()) expect(await events(id)).toHaveLength(counts[i]! + 1)
  })

  it('refuses items with different current statuses', async () => {
    await callerAs(db, PLANNER).edits.setStatus({
      entity: 'road_segment',
      id: 's2',
      expectedVersion: 1,
      to: 'under_construction',
      at: '2021-05-01',
    })
    const s1 = await row('road_segments', 's1')
    const s2 = await row('road_segments', 's2')
    const items = [
      { entity: 'road_segment' as const, id: 's1', expectedVersion: s1.version },
      { entity: 'road_segment' as const, id: 's2', expectedVersion: s2.version },
    ]
    expect(await codeOf(callerAs(db, PLANNER).edits.setStatusMany({ items, to: 'suspended', at: '2021-05-01' }))).toBe(
      'BAD_REQUEST',
    )
  })
})
