import { figuresOf, REPORT_FIGURES, REPORT_MILESTONES } from '@onemap/domain/testing/report-figures'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/test-database.ts'
import { importIndicatorValues, writeIndicatorValue, writeMilestone } from './indicator-writes.ts'
import {
  indicatorHistory,
  indicatorValues,
  listIndicators,
  listMilestones,
  syncIndicatorRegistry,
} from './indicators.ts'

let db: TestDatabase
beforeEach(async () => {
  db = await openTestDatabase()
  await syncIndicatorRegistry(db)
})
afterEach(async () => {
  await db.close()
})

const sorted = (rows: readonly (readonly unknown[])[]) => rows.map((r) => JSON.stringify(r)).sort()
const write = (period: string, value: number, expectedVersion: number, actor = 'planner-li') =>
  db.transaction((c) =>
    writeIndicatorValue(c, {
      indicatorId: 'fixed-asset-investment',
      period,
      value,
      expectedVersion,
      actor,
      kind: 'edit',
      note: null,
    }),
  )

describe(`indicator registry in the database (${testBackend})`, () => {
  it('holds every figure of the work report after seeding, and a second sync changes nothing', async () => {
    await syncIndicatorRegistry(db)
    expect(sorted(figuresOf(await listIndicators(db)))).toEqual(sorted(REPORT_FIGURES))
    expect((await listMilestones(db)).map((m) => [m.id, m.dueOn]).sort()).toEqual(
      [...REPORT_MILESTONES].map((m) => [...m]).sort(),
    )
  })
})

describe(`indicator values (${testBackend})`, () => {
  it('enters a value, corrects it under the version rule and keeps who did what', async () => {
    expect(await write('2020-06', 200, 0)).toMatchObject({ ok: true, value: { version: 1 } })
    expect(await write('2020-06', 210, 0, 'planner-wu')).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: 1, updatedBy: 'planner-li' },
    })
    expect(await write('2020-06', 6.9, 1, 'planner-wu')).toMatchObject({ ok: true, value: { version: 2 } })
    expect(await indicatorValues(db, 'fixed-asset-investment')).toMatchObject([
      { period: '2020-06', value: 6.9, version: 2, updatedBy: 'planner-wu', isSample: false },
    ])
    const history = await indicatorHistory(db, 'indicator', 'fixed-asset-investment')
    expect(history.map((e) => [e.from, e.to, e.actor])).toEqual([
      ['200', '6.9', 'planner-wu'],
      [null, '200', 'planner-li'],
    ])
  })

  it('refuses a value for an indicator that does not exist', async () => {
    const out = await db.transaction((c) =>
      writeIndicatorValue(c, {
        indicatorId: 'gdp-x',
        period: '2020',
        value: 1,
        expectedVersion: 0,
        actor: 'a',
        kind: 'edit',
        note: null,
      }),
    )
    expect(out).toEqual({ ok: false, reason: 'not_found' })
  })

  it('keeps the audit trail append-only', async () => {
    await write('2020-06', 200, 0)
    await expect(db.query(`UPDATE indicator_events SET actor = 'someone else'`)).rejects.toThrow(/append-only/)
    await expect(db.query('DELETE FROM indicator_events')).rejects.toThrow(/append-only/)
  })

  it('imports authoritative values, skipping unchanged ones, with an import row each', async () => {
    await write('2020-06', 200, 0)
    const rows = [
      { indicatorId: 'fixed-asset-investment', period: '2020-06', value: 200, note: null },
      { indicatorId: 'fixed-asset-investment', period: '2020-07', value: 240, note: '统计局快报' },
      { indicatorId: 'gdp', period: '2020', value: 560, note: null },
    ]
    expect(await db.transaction((c) => importIndicatorValues(c, rows, 'bureau'))).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 1,
    })
    const gdp = (await listIndicators(db)).find((i) => i.id === 'gdp')
    expect(gdp?.values).toEqual([{ period: '2020', value: 560, isSample: false, version: 1 }])
  })

  it('announces a committed value on onemap_indicators with what changed', async () => {
    const payloads: string[] = []
    let heard: () => void = () => {}
    const got = new Promise<void>((r) => (heard = r))
    const stop = await db.listen('onemap_indicators', (p) => {
      payloads.push(p)
      heard()
    })
    await write('2020-08', 300, 0)
    await got
    await stop()
    expect(JSON.parse(payloads[0]!)).toMatchObject({
      subject: 'indicator',
      subject_id: 'fixed-asset-investment',
      period: '2020-08',
      to: '300',
      kind: 'edit',
    })
  })
})

describe(`milestones (${testBackend})`, () => {
  it('is done only with evidence, and the change is audited', async () => {
    const done = (evidence: string | null, expectedVersion = 1) =>
      db.transaction((c) =>
        writeMilestone(c, {
          id: 'ywtg-shifo-rules',
          expectedVersion,
          doneOn: '2020-08-28',
          evidence,
          actor: 'planner-li',
          kind: 'edit',
          note: null,
        }),
      )
    await expect(done(null)).rejects.toThrow(/milestones_done_needs_evidence/)
    expect(await done('石佛镇一网统管工作制度（2020-08-28印发）')).toMatchObject({ ok: true, value: { version: 2 } })
    expect(await done('again')).toMatchObject({ ok: false, reason: 'conflict' })
    const m = (await listMilestones(db)).find((x) => x.id === 'ywtg-shifo-rules')
    expect(m).toMatchObject({ doneOn: '2020-08-28', version: 2 })
    expect((await indicatorHistory(db, 'milestone', 'ywtg-shifo-rules'))[0]).toMatchObject({
      to: '2020-08-28',
      actor: 'planner-li',
    })
  })
})
