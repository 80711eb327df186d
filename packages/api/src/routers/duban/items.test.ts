import { TRPCError } from '@trpc/server'
import type { TestDatabase } from '@onemap/db/testing'
import { beforeEach, describe, expect, it } from 'vitest'
import { codeOf, openDubanFixture } from '../../testing/duban-fixture.ts'
import { ADMIN, callerAs, PLANNER, VIEWER } from '../../testing/fixture.ts'

let db: TestDatabase
// Every case edits: each gets its own copy of the fixture.
beforeEach(async () => {
  db = await openDubanFixture()
  return () => db.close()
})

const logRows = async (id: string) =>
  (await db.query('SELECT action, actor, note FROM duban_log WHERE entity_id = $1 ORDER BY id', [id])).rows

describe('item responsibility and investment', () => {
  const base = {
    entity: 'road_segment' as const,
    id: 's3',
    leadUnit: 'unit-a',
    coUnits: ['unit-b'],
    plannedInvestment: 1200.5,
    completedInvestment: 300,
    fundingSource: '专项债',
  }

  it('records lead and co-units, investment and funding, audited in the 督办 log with what changed', async () => {
    expect(await callerAs(db, PLANNER).duban.items.set({ ...base, expectedVersion: 0 })).toEqual({ version: 1 })
    const got = await callerAs(db, VIEWER).duban.items.get({ entity: 'road_segment', id: 's3' })
    expect(got.responsibility).toMatchObject({
      leadUnit: 'unit-a',
      coUnits: ['unit-b'],
      plannedInvestment: 1200.5,
      completedInvestment: 300,
      fundingSource: '专项债',
      version: 1,
      updatedBy: 'planner-li',
      isSample: false,
    })
    await callerAs(db, PLANNER).duban.items.set({ ...base, completedInvestment: 600, expectedVersion: 1, note: '月报' })
    expect(await logRows('s3')).toEqual([
      {
        action: 'responsibility',
        actor: 'planner-li',
        note: 'lead — → unit-a; co-units — → unit-b; planned 万元 — → 1200.5; completed 万元 — → 300; funding — → 专项债',
      },
      { action: 'responsibility', actor: 'planner-li', note: 'completed 万元 300 → 600; 月报' },
    ])
  })

  it('answers a stale version with CONFLICT and changes nothing', async () => {
    await callerAs(db, PLANNER).duban.items.set({ ...base, expectedVersion: 0 })
    await callerAs(db, PLANNER).duban.items.set({ ...base, completedInvestment: 600, expectedVersion: 1 })
    expect(
      await codeOf(callerAs(db, PLANNER).duban.items.set({ ...base, plannedInvestment: 1, expectedVersion: 1 })),
    ).toBe('CONFLICT')
    expect(
      (await callerAs(db, VIEWER).duban.items.get({ entity: 'road_segment', id: 's3' })).responsibility
        .plannedInvestment,
    ).toBe(1200.5)
  })

  it('refuses unknown units and items, a lead that is also a co-unit, negative money and viewers', async () => {
    const before = (await logRows('s4')).length
    expect(
      await codeOf(
        callerAs(db, PLANNER).duban.items.set({ ...base, id: 's4', leadUnit: 'nobody', expectedVersion: 0 }),
      ),
    ).toBe('NOT_FOUND')
    expect(await codeOf(callerAs(db, PLANNER).duban.items.set({ ...base, id: 'nope', expectedVersion: 0 }))).toBe(
      'NOT_FOUND',
    )
    expect(
      await codeOf(
        callerAs(db, PLANNER).duban.items.set({ ...base, id: 's4', coUnits: ['unit-a'], expectedVersion: 0 }),
      ),
    ).toBe('BAD_REQUEST')
    expect(
      await codeOf(
        callerAs(db, PLANNER).duban.items.set({ ...base, id: 's4', plannedInvestment: -5, expectedVersion: 0 }),
      ),
    ).toBe('BAD_REQUEST')
    expect(await codeOf(callerAs(db, VIEWER).duban.items.set({ ...base, id: 's4', expectedVersion: 0 }))).toBe(
      'FORBIDDEN',
    )
    expect((await logRows('s4')).length).toBe(before)
  })

  it('sums planned and completed investment per sub-district, lead unit and kind of item', async () => {
    await callerAs(db, PLANNER).duban.items.set({ ...base, completedInvestment: 600, expectedVersion: 0 })
    await callerAs(db, PLANNER).duban.items.set({
      entity: 'road_segment',
      id: 's4',
      leadUnit: 'unit-a',
      coUnits: [],
      plannedInvestment: 800,
      completedInvestment: 0,
      fundingSource: null,
      expectedVersion: 0,
    })
    const inv = await callerAs(db, VIEWER).duban.items.investment()
    // Fixture rows: road rd 4000/1000 (unit-a), facility f2 8000/0 (unit-b); plus s3 1200.5/600 and s4 800/0.
    expect(inv.total).toEqual({ key: 'total', planned: 14000.5, completed: 1600, items: 4 })
    expect(inv.byUnit.find((u) => u.key === 'unit-a')).toMatchObject({
      planned: 6000.5,
      completed: 1600,
      items: 3,
      nameZh: '枫杨街道办事处',
    })
    expect(inv.byEntity.find((e) => e.key === 'facility')).toMatchObject({ planned: 8000 })
    // s3 and s4 lie in 枫杨 (34.80–34.83 N); road rd is placed by a point on its segments.
    expect(inv.bySubDistrict.find((s) => s.key === '410172560')?.planned).toBeGreaterThanOrEqual(2000.5)
    expect(inv.includesSample).toBe(false)
  })
})

describe('units registry', () => {
  const csv = `id,kind,name_zh,name_en,sub_district,contact_name,contact_phone,is_sample
unit-c,contractor,示例施工单位丙,Sample Contractor C,,王工,0371-0000-0001,true
unit-a,sub_district,枫杨街道办事处,Fengyang Office,410172560,张主任,0371-0000-0002,false`

  it('imports a CSV as an admin: new rows inserted, existing ones updated, contacts visible to the office', async () => {
    expect(await callerAs(db, ADMIN).duban.units.importCsv({ csv })).toEqual({ inserted: 1, updated: 1 })
    const units = await callerAs(db, VIEWER).duban.units.list()
    expect(units.find((u) => u.id === 'unit-c')).toMatchObject({
      kind: 'contractor',
      contactName: '王工',
      isSample: true,
    })
    expect(units.find((u) => u.id === 'unit-a')?.contactName).toBe('张主任')
  })

  it('refuses a CSV with bad lines naming each, storing nothing, and planners importing', async () => {
    const bad = `id,kind,name_zh,name_en,sub_district,contact_name,contact_phone,is_sample
unit-d,ministry,部,Ministry,,,,false
Bad Id,bureau,某局,Bureau,,,,false
unit-e,bureau,,Bureau E,,,,false`
    const before = (await db.query('SELECT count(*)::int AS n FROM units')).rows[0]
    const err = await callerAs(db, ADMIN)
      .duban.units.importCsv({ csv: bad })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TRPCError)
    expect((err as TRPCError).code).toBe('BAD_REQUEST')
    expect((err as TRPCError).message).toMatch(/3 bad line\(s\): line 2: kind.*\| line 3: id.*\| line 4: nameZh/)
    expect((await db.query('SELECT count(*)::int AS n FROM units')).rows[0]).toEqual(before)
    expect(await codeOf(callerAs(db, PLANNER).duban.units.importCsv({ csv }))).toBe('FORBIDDEN')
  })

  it('lets admins change thresholds (audited) and refuses red not above yellow', async () => {
    await callerAs(db, ADMIN).duban.cards.setThresholds({ yellowDays: 10, redDays: 40, dueSoonDays: 2 })
    expect(await callerAs(db, VIEWER).duban.cards.thresholds()).toEqual({ yellowDays: 10, redDays: 40, dueSoonDays: 2 })
    expect(
      await codeOf(callerAs(db, ADMIN).duban.cards.setThresholds({ yellowDays: 40, redDays: 40, dueSoonDays: 2 })),
    ).toBe('BAD_REQUEST')
    expect(
      await codeOf(callerAs(db, PLANNER).duban.cards.setThresholds({ yellowDays: 1, redDays: 2, dueSoonDays: 0 })),
    ).toBe('FORBIDDEN')
    const log = (await db.query(`SELECT from_state, to_state, actor FROM duban_log WHERE action = 'thresholds'`)).rows
    expect(log).toEqual([{ from_state: '30/90/3', to_state: '10/40/2', actor: 'admin' }])
  })
})
