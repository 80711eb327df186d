import { insertEvent, writeStatus } from '@onemap/db/queries/edits'
import type { TestDatabase } from '@onemap/db/testing'
import { TRPCError } from '@trpc/server'
import { beforeEach, describe, expect, it } from 'vitest'
import type { VersionConflict } from '../conflict.ts'
import { ADMIN, callerAs, openFixtureDatabase, PLANNER, VIEWER } from '../testing/fixture.ts'

let db: TestDatabase
// Every case edits: each gets its own copy of the fixture.
beforeEach(async () => {
  db = await openFixtureDatabase()
  return () => db.close()
})

const version = async (table: string, id: string) =>
  (await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0]!.version
const eventCount = async (id: string) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM status_events WHERE entity_id = $1', [id])).rows[0]!.n

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'OK'
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err)
  }
}

describe('edits.setStatus', () => {
  it('refuses the public and viewers', async () => {
    const input = { entity: 'facility' as const, id: 'f1', expectedVersion: 1, to: 'started', at: '2021-05-01' }
    expect(await codeOf(callerAs(db, null).edits.setStatus(input))).toBe('UNAUTHORIZED')
    expect(await codeOf(callerAs(db, VIEWER).edits.setStatus(input))).toBe('FORBIDDEN')
    expect(await version('facilities', 'f1')).toBe(1)
  })

  it('changes the status, sets the actual start and records the planner in the log', async () => {
    const r = await callerAs(db, PLANNER).edits.setStatus({
      entity: 'facility',
      id: 'f1',
      expectedVersion: 1,
      to: 'started',
      at: '2021-05-01',
      note: 'groundbreaking',
    })
    expect(r).toMatchObject({ status: 'started', version: 2, kind: 'edit' })
    const row = (await db.query(`SELECT status, actual_start::text, updated_by FROM facilities WHERE id = 'f1'`))
      .rows[0]
    expect(row).toEqual({ status: 'started', actual_start: '2021-05-01', updated_by: 'planner-li' })
    const ev = (
      await db.query('SELECT actor, kind, from_status, to_status, note FROM status_events WHERE id = $1', [r.eventId])
    ).rows[0]
    expect(ev).toEqual({
      actor: 'planner-li',
      kind: 'edit',
      from_status: 'planned',
      to_status: 'started',
      note: 'groundbreaking',
    })
  })

  it('answers a stale version with CONFLICT naming the current version and editor', async () => {
    await callerAs(db, PLANNER).edits.setStatus({
      entity: 'facility',
      id: 'f1',
      expectedVersion: 1,
      to: 'started',
      at: '2021-05-01',
    })
    const err = await callerAs(db, PLANNER)
      .edits.setStatus({ entity: 'facility', id: 'f1', expectedVersion: 1, to: 'completed', at: '2021-05-02' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TRPCError)
    expect((err as TRPCError).code).toBe('CONFLICT')
    expect(((err as TRPCError).cause as VersionConflict).current).toMatchObject({ version: 2, updatedBy: 'planner-li' })
  })

  it('refuses illegal moves for planners and demands a reason from admins', async () => {
    await callerAs(db, PLANNER).edits.setStatus({
      entity: 'facility',
      id: 'f1',
      expectedVersion: 1,
      to: 'started',
      at: '2021-05-01',
    })
    const back = { entity: 'facility' as const, id: 'f1', expectedVersion: 2, to: 'planned', at: '2021-05-03' }
    expect(await codeOf(callerAs(db, PLANNER).edits.setStatus(back))).toBe('FORBIDDEN')
    expect(await codeOf(callerAs(db, ADMIN).edits.setStatus(back))).toBe('BAD_REQUEST')
    const r = await callerAs(db, ADMIN).edits.setStatus({ ...back, note: 'recorded on the wrong school' })
    expect(r.kind).toBe('correction')
    expect((await db.query(`SELECT actual_start FROM facilities WHERE id = 'f1'`)).rows[0]?.actual_start).toBeNull()
  })

  it('refuses unknown items and future dates', async () => {
    expect(
      await codeOf(
        callerAs(db, PLANNER).edits.setStatus({
          entity: 'road_segment',
          id: 'nope',
          expectedVersion: 1,
          to: 'under_construction',
          at: '2021-05-01',
        }),
      ),
    ).toBe('NOT_FOUND')
    expect(
      await codeOf(
        callerAs(db, PLANNER).edits.setStatus({
          entity: 'road_segment',
          id: 's1',
          expectedVersion: 1,
          to: 'under_construction',
          at: '2021-06-02',
        }),
      ),
    ).toBe('BAD_REQUEST')
  })
})

describe('concurrent edits', () => {
  it('lets exactly one of two edits from the same version win, 100 times, losing nothing', async () => {
    const planner = callerAs(db, PLANNER)
    for (let trial = 0; trial < 100; trial++) {
      const v = await version('road_segments', 's4')
      const before = await eventCount('s4')
      const edit = (n: number) =>
        trial % 2 === 0
          ? planner.edits.revisePlan({
              entity: 'road_segment',
              id: 's4',
              expectedVersion: v,
              revisedStart: `2022-0${n}-01`,
              revisedFinish: null,
              reason: `editor ${n}`,
            })
          : planner.edits.setStatus({
              entity: 'road_segment',
              id: 's4',
              expectedVersion: v,
              to: trial % 4 === 1 ? 'suspended' : 'planned',
              at: '2021-05-01',
              note: `editor ${n}`,
            })
      const results = await Promise.allSettled([edit(1), edit(2)])
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r) => r.status === 'rejected')
      expect(won).toHaveLength(1)
      expect((lost[0] as PromiseRejectedResult).reason.code).toBe('CONFLICT')
      expect(await version('road_segments', 's4')).toBe(v + 1)
      expect(await eventCount('s4')).toBe(before + 1)
    }
  })
})

describe('atomicity', () => {
  it('leaves neither the change nor the event when the transaction fails after both', async () => {
    const v = await version('road_segments', 's3')
    const before = await eventCount('s3')
    await expect(
      db.transaction(async (client) => {
        await writeStatus(client, {
          entity: 'road_segment',
          id: 's3',
          expectedVersion: v,
          to: 'under_construction',
          actualStart: '2021-05-01',
          actualFinish: null,
          actor: 'x',
        })
        await insertEvent(client, {
          entity: 'road_segment',
          entityId: 's3',
          from: 'planned',
          to: 'under_construction',
          happenedOn: '2021-05-01',
          actor: 'x',
          kind: 'edit',
          note: null,
        })
        throw new Error('failure after BEGIN')
      }),
    ).rejects.toThrow('failure after BEGIN')
    expect(await version('road_segments', 's3')).toBe(v)
    expect(await eventCount('s3')).toBe(before)
  })
})

describe('edits.splitSegment', () => {
  it('cuts a segment at the point, keeps the length and copies the history to both parts', async () => {
    const planner = callerAs(db, PLANNER)
    await planner.edits.setStatus({
      entity: 'road_segment',
      id: 's2',
      expectedVersion: 1,
      to: 'under_construction',
      at: '2021-02-01',
    })
    const parent = (await db.query<{ length_m: number }>(`SELECT length_m FROM road_segments WHERE id = 's2'`)).rows[0]!
      .length_m
    const last = (await db.query<{ id: number }>('SELECT max(id)::int AS id FROM status_events')).rows[0]!.id
    const r = await planner.edits.splitSegment({ id: 's2', expectedVersion: 2, lon: 113.5503, lat: 34.7925 })
    expect(r.parts).toEqual(['s2.1', 's2.2'])
    // Every event the split wrote (the copies and the split), so the planner's page skips their echo.
    const written = await db.query<{ id: number }>(
      'SELECT id::int AS id FROM status_events WHERE id > $1 ORDER BY id',
      [last],
    )
    expect([...r.eventIds].sort((a, b) => a - b)).toEqual(written.rows.map((e) => e.id))
    expect(r.eventIds.length).toBeGreaterThan(1)
    expect(r.fraction).toBeCloseTo(0.25, 2)
    const parts = (
      await db.query<{ id: string; length_m: number; status: string }>(
        `SELECT id, length_m, status FROM road_segments WHERE id LIKE 's2%' ORDER BY id`,
      )
    ).rows
    expect(parts.map((p) => p.id)).toEqual(['s2.1', 's2.2'])
    expect(parts[0]!.length_m + parts[1]!.length_m).toBeCloseTo(parent, 3)
    expect(parts.every((p) => p.status === 'under_construction')).toBe(true)
    const copied = (
      await db.query(`SELECT to_status, kind, happened_on::text FROM status_events WHERE entity_id = 's2.1'`)
    ).rows
    expect(copied).toEqual([{ to_status: 'under_construction', kind: 'split', happened_on: '2021-02-01' }])
    const asOf = await planner.progress.asOf({ date: '2021-03-01' })
    expect(asOf.items.filter((i) => i.id.startsWith('s2')).map((i) => i.status)).toEqual([
      'under_construction',
      'under_construction',
    ])
  })

  it('refuses a point far from the segment', async () => {
    const r = callerAs(db, PLANNER).edits.splitSegment({ id: 's1', expectedVersion: 1, lon: 113.56, lat: 34.785 })
    await expect(r).rejects.toThrow(/m from road segment 's1'/)
  })
})
