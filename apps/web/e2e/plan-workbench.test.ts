import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createContext } from '@onemap/api/context'
import { createCaller } from '@onemap/api/root'
import { addDays, zoneToday } from '@onemap/domain/dates'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { facilities, query } from './api.ts'
import { type Harness, openPage, pixelOffset, RESULTS_DIR, startHarness } from './harness.ts'
import { ACCOUNTS, createAccounts, segments, signIn, viewOf } from './plan-fixture.ts'

let h: Harness
const shot = (name: string) => join(RESULTS_DIR, `${name}.png`)
const VIEWPORT = { width: 1440, height: 900 }
const today = () => zoneToday(new Date())

beforeAll(async () => {
  h = await startHarness()
  await createAccounts(h)
})
afterAll(async () => {
  await h?.close()
})

/** The API as a planner, straight on the test database (a colleague working meanwhile). */
const apiAs = (who: 'planner' | 'planner2') =>
  createCaller(
    createContext(h.db, { user: { id: who === 'planner' ? 998 : 999, name: ACCOUNTS[who].name, role: 'planner' } }),
  )
const colleague = () => apiAs('planner2')

interface EventRow {
  id: number
  entity_id: string
  from_status: string
  to_status: string
  kind: string
  actor: string
  note: string | null
  undoes: number | null
}
const eventsOf = async (id: string) =>
  (
    await h.db.query<EventRow>(
      'SELECT id::int, entity_id, from_status, to_status, kind, actor, note, undoes::int FROM status_events WHERE entity_id = $1 ORDER BY id',
      [id],
    )
  ).rows
const rowOf = async (table: 'road_segments' | 'facilities', id: string) =>
  (
    await h.db.query<{
      status: string
      version: number
      revised_start: string | null
      revised_finish: string | null
      planned_start: string | null
    }>(
      `SELECT status, version, revised_start::text, revised_finish::text, planned_start::text FROM ${table} WHERE id = $1`,
      [id],
    )
  ).rows[0]!

/**
 * Puts an item back as a case found it: undoes `who`'s change if it is still the item's last edit (so a
 * case that ran out half-way leaves nothing behind either). The undo is a compensating event dated today.
 */
async function undoOwnEdit(who: 'planner' | 'planner2', entity: 'road_segment' | 'facility', id: string) {
  const last = (await eventsOf(id)).at(-1)
  if (!last || last.actor !== ACCOUNTS[who].name || last.kind !== 'edit') return
  const table = entity === 'facility' ? 'facilities' : 'road_segments'
  await apiAs(who).edits.undo({ entity, id, expectedVersion: (await rowOf(table, id)).version })
}

async function openWorkbench(who: 'planner' | 'planner2' = 'planner') {
  const w = await openPage(h, VIEWPORT)
  await signIn(w.page, h, who)
  return w
}

async function download(page: Page, label: string | RegExp): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).first().click(),
  ])
  return readFileSync((await file.path()) as string)
}

describe('facilities in the workbench', () => {
  it('filters facilities, opens one from the table and the map, changes its status and shows the history', async () => {
    const planned = (await facilities(h)).filter(
      (f) => f.properties.kind === 'school' && f.properties.status === 'planned',
    )
    expect(planned.length).toBeGreaterThan(0)
    const { page, context, problems } = await openWorkbench()
    await page.getByRole('tab', { name: '设施' }).click()
    await page.getByLabel('学校').check()
    await page.locator('input[name="facility-status"][value="planned"]').check()
    await page.locator(`[data-testid="facility-totals"][data-count="${planned.length}"]`).waitFor()
    const row = page.locator('[data-testid="facility-table"] tbody tr').first()
    const id = (await row.getAttribute('data-facility-id')) as string
    expect(planned.map((f) => f.properties.id)).toContain(id)
    // The sample has one planned school: give it back planned for the other cases and a retry.
    onTestFinished(() => undoOwnEdit('planner', 'facility', id))
    await row.locator('button').click()
    const drawer = page.getByTestId('facility-drawer')
    await drawer.getByTestId('drawer-lateness').waitFor()
    await page.locator(`[data-settled-id="${id}"]`).waitFor({ timeout: 30_000 })
    // The map has flown to the facility, clear of the drawer: a click on it opens it again after closing.
    await drawer.getByRole('button', { name: '关闭详情' }).click()
    await drawer.waitFor({ state: 'detached' })
    const box = (await page.locator('.map-canvas canvas').boundingBox())!
    const { zoom, center } = viewOf(page)
    const [dx, dy] = pixelOffset(center, zoom, planned.find((f) => f.properties.id === id)!.geometry.coordinates)
    await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy)
    await page.locator(`[data-testid="facility-drawer"][data-facility-id="${id}"]`).waitFor()

    await drawer.locator('select[name="to"]').selectOption('started')
    await drawer.getByLabel('备注').fill('学校开工')
    await drawer.getByRole('button', { name: '保存状态' }).click()
    await drawer.getByTestId('drawer-status').filter({ hasText: '开工' }).waitFor()
    await drawer.getByTestId('plan-saved').filter({ hasText: '规划 → 开工' }).waitFor()
    await drawer.getByTestId('drawer-history').getByText('学校开工').waitFor()
    // The form starts afresh after a save: no old note waiting for a second click.
    expect(await drawer.getByLabel('备注').inputValue()).toBe('')
    expect(await drawer.locator('select[name="to"]').inputValue()).toBe('')
    await page.screenshot({ path: shot('plan-facility-drawer') })
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      actor: ACCOUNTS.planner.name,
      from_status: 'planned',
      to_status: 'started',
      note: '学校开工',
    })
    expect(problems).toEqual([])
    await context.close()
  })
})

describe('schedule maths', () => {
  it('sorts a suspended segment by its lateness, above a later-planned one', async () => {
    const unbuilt = (
      await query<{
        rows: {
          id: string
          status: string
          plannedStart: string | null
          lateDays: number | null
          subDistrictCode: string | null
        }[]
      }>(h, 'roads.unbuilt', { pageSize: 200 })
    ).rows
    type Row = (typeof unbuilt)[number]
    const plannedAfter = (s: Row) =>
      unbuilt.find(
        (r) =>
          r.status === 'planned' &&
          r.subDistrictCode === s.subDistrictCode &&
          (r.plannedStart ?? '') > (s.plannedStart ?? '') &&
          (r.lateDays ?? 0) < s.lateDays!,
      )
    // A late suspended segment with a later-planned, less late one beside it (other cases suspend segments too).
    const suspended = unbuilt.find(
      (r) => r.status === 'suspended' && r.subDistrictCode && (r.lateDays ?? 0) > 0 && plannedAfter(r),
    )
    if (!suspended)
      throw new Error('no late suspended segment with a planned segment planned after it in its sub-district')
    const later = plannedAfter(suspended)!
    const { page, context } = await openWorkbench()
    await page.getByLabel('暂停', { exact: true }).check()
    await page.getByLabel('规划', { exact: true }).check()
    await page.getByLabel('乡镇街道').selectOption(suspended.subDistrictCode!)
    const count = (await segments(h, { status: ['planned', 'suspended'], subDistrict: suspended.subDistrictCode }))
      .length
    await page.locator(`[data-testid="plan-totals"][data-count="${count}"]`).waitFor()
    const ids = await page
      .locator('tbody tr[data-segment-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment-id')))
    expect(ids.indexOf(suspended.id)).toBeGreaterThanOrEqual(0)
    expect(ids.indexOf(suspended.id)).toBeLessThan(ids.includes(later.id) ? ids.indexOf(later.id) : Infinity)
    expect(
      await page
        .locator(`tbody tr[data-segment-id="${suspended.id}"] td[data-late-days]`)
        .getAttribute('data-late-days'),
    ).toBe(String(suspended.lateDays))
    await page.screenshot({ path: shot('plan-lateness-sort') })
    await context.close()
  })

  it('records a revised plan with its reason and shows both lateness figures', async () => {
    // A planned segment with no revised plan yet (a retry, or the bulk case's colleague, may have revised one).
    const { rows: unrevised } = await h.db.query<{ id: string }>(
      `SELECT id FROM road_segments WHERE status = 'planned' AND revised_start IS NULL AND revised_finish IS NULL ORDER BY id`,
    )
    const id = unrevised[1]!.id
    const { page, context, problems } = await openWorkbench()
    await page.getByLabel('规划', { exact: true }).check()
    await page.locator(`tbody tr[data-segment-id="${id}"] button`).click()
    const drawer = page.getByTestId('segment-drawer')
    const baselineBefore = await drawer.getByTestId('drawer-lateness').getAttribute('data-baseline-days')
    await drawer.locator('input[name="revisedStart"]').fill(addDays(today(), -10))
    await drawer.locator('input[name="revisedFinish"]').fill(addDays(today(), 300))
    await drawer.locator('input[name="reason"]').fill('征地拆迁延期，重新排期')
    await drawer.getByRole('button', { name: '保存调整计划' }).click()
    const lateness = drawer.locator('[data-testid="drawer-lateness"][data-revised-days="10"]')
    await lateness.waitFor()
    expect(await lateness.getAttribute('data-baseline-days')).toBe(baselineBefore)
    expect(await lateness.textContent()).toMatch(/比基线晚 \d+ 天，比调整计划晚 10 天/)
    await page.screenshot({ path: shot('plan-revised-plan') })
    const row = await rowOf('road_segments', id)
    expect(row).toMatchObject({ revised_start: addDays(today(), -10), revised_finish: addDays(today(), 300) })
    expect((await eventsOf(id)).at(-1)).toMatchObject({ actor: ACCOUNTS.planner.name, kind: 'edit' })
    expect((await eventsOf(id)).at(-1)?.note).toContain('征地拆迁延期，重新排期')
    expect(problems).toEqual([])
    await context.close()
  })
})

describe('weekly meeting', () => {
  it('lists exactly the three changes of a past week, with names, grouped by sub-district, no seed rows', async () => {
    // A past week nobody has edited in yet: the case's own, also on a retry after an attempt that edited one.
    let back = 40
    while (
      (
        await h.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM status_events WHERE kind <> 'seed' AND happened_on BETWEEN $1 AND $2`,
          [addDays(today(), -back), addDays(today(), 6 - back)],
        )
      ).rows[0]!.n > 0
    )
      back += 7
    const [since, until] = [addDays(today(), -back), addDays(today(), 6 - back)]
    const facility = (await facilities(h))
      .filter((f) => f.properties.status === 'planned')
      .map((f) => f.properties.id)
      .sort()
      .at(-1)!
    const planned = (await segments(h, { status: ['planned'] })).map((f) => f.id).sort()
    const [a, b] = [planned.at(-2)!, planned.at(-3)!]
    const c = colleague()
    // The three items go back to planned afterwards (the events of that week stay, as the audit trail does).
    onTestFinished(async () => {
      for (const [entity, id] of [
        ['facility', facility],
        ['road_segment', a],
        ['road_segment', b],
      ] as const)
        await undoOwnEdit('planner2', entity, id)
    })
    const version = async (table: 'road_segments' | 'facilities', id: string) => (await rowOf(table, id)).version
    await c.edits.setStatus({
      entity: 'facility',
      id: facility,
      expectedVersion: await version('facilities', facility),
      to: 'started',
      at: addDays(since, 2),
    })
    await c.edits.setStatus({
      entity: 'road_segment',
      id: a,
      expectedVersion: await version('road_segments', a),
      to: 'under_construction',
      at: addDays(since, 3),
    })
    await c.edits.setStatus({
      entity: 'road_segment',
      id: b,
      expectedVersion: await version('road_segments', b),
      to: 'suspended',
      at: addDays(since, 4),
      note: '资金未到位',
    })
    const { page, context, problems } = await openWorkbench()
    await page.getByRole('tab', { name: '周例会' }).click()
    await page.locator('input[name="since"]').fill(since)
    await page.locator('input[name="until"]').fill(until)
    const list = page.getByTestId('meeting-list')
    await page.locator('[data-testid="meeting-count"]').filter({ hasText: '共 3 条变更' }).waitFor()
    const entries = await list
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => ({ id: li.getAttribute('data-entity-id'), text: li.textContent ?? '' })))
    expect(entries.map((e) => e.id).sort()).toEqual([a, b, facility].sort())
    const names = new Map(
      (await segments(h)).map((f) => [f.id, (f.properties as unknown as { name_zh: string }).name_zh]),
    )
    for (const e of entries.filter((x) => x.id !== facility)) expect(e.text).toContain(names.get(e.id!))
    expect(entries.find((e) => e.id === facility)?.text).toContain(
      (await facilities(h)).find((f) => f.properties.id === facility)!.properties.name_zh,
    )
    expect(entries.every((e) => e.text.includes(ACCOUNTS.planner2.name))).toBe(true)
    const figures = page.getByTestId('meeting-figures')
    expect(await figures.locator('[data-figure="started"]').getAttribute('data-count')).toBe('2')
    expect(await figures.locator('[data-figure="slipped"]').getAttribute('data-count')).toBe('1')
    expect(await list.locator('section[data-sub-district]').count()).toBeGreaterThanOrEqual(1)
    await page.screenshot({ path: shot('plan-weekly-meeting') })
    expect(problems).toEqual([])
    await context.close()
  })
})

describe('safer edits', () => {
  it('undoes the planner’s own last change: status restored, a compensating audit row, nothing deleted', async () => {
    const id = (await segments(h, { status: ['planned'] })).map((f) => f.id).sort()[2]!
    const before = await eventsOf(id)
    const { page, context, problems } = await openWorkbench()
    await page.getByLabel('规划', { exact: true }).check()
    await page.locator(`tbody tr[data-segment-id="${id}"] button`).click()
    const drawer = page.getByTestId('segment-drawer')
    await drawer.locator('select[name="to"]').selectOption('under_construction')
    await drawer.getByRole('button', { name: '保存状态' }).click()
    await drawer.getByTestId('plan-saved').filter({ hasText: '规划 → 在建' }).waitFor()
    await page.screenshot({ path: shot('plan-saved-confirmation') })
    await drawer.getByRole('button', { name: '撤销本次修改' }).click()
    await drawer.getByTestId('plan-saved').filter({ hasText: '已撤销' }).waitFor()
    await drawer.getByTestId('drawer-status').filter({ hasText: '规划' }).waitFor()
    const after = await eventsOf(id)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after).toHaveLength(before.length + 2)
    expect(after.at(-1)).toMatchObject({
      from_status: 'under_construction',
      to_status: 'planned',
      kind: 'correction',
      actor: ACCOUNTS.planner.name,
      undoes: after.at(-2)!.id,
    })
    expect((await rowOf('road_segments', id)).status).toBe('planned')
    expect(problems).toEqual([])
    await context.close()
  })

  it('changes none of five ticked segments when one changed meanwhile', async () => {
    const planned = (await segments(h, { status: ['planned'] })).map((f) => f.id).sort()
    const { page, context } = await openWorkbench()
    await page.getByLabel('规划', { exact: true }).check()
    await page.getByRole('button', { name: '名称', exact: true }).click()
    await page.locator(`[data-testid="plan-totals"][data-count="${planned.length}"]`).waitFor()
    const rows = page.locator('tbody tr[data-segment-id]')
    const ticked: string[] = []
    for (let i = 0; i < 5; i++) {
      ticked.push((await rows.nth(i).getAttribute('data-segment-id')) as string)
      await rows.nth(i).locator('input[name="bulk"]').check()
    }
    await page.getByTestId('bulk-count').filter({ hasText: '已选 5 个路段' }).waitFor()
    const before = await Promise.all(ticked.map((id) => rowOf('road_segments', id)))
    const counts = await Promise.all(ticked.map(async (id) => (await eventsOf(id)).length))
    // A colleague changes the third one after it was ticked.
    await colleague().edits.revisePlan({
      entity: 'road_segment',
      id: ticked[2]!,
      expectedVersion: before[2]!.version,
      revisedStart: null,
      revisedFinish: addDays(today(), 90),
      reason: '同事调整',
    })
    await page.getByTestId('bulk-edit').locator('select[name="bulk-to"]').selectOption('under_construction')
    await page.getByRole('button', { name: '更新 5 个路段' }).click()
    const error = page.getByTestId('bulk-error')
    await error.waitFor()
    expect(await error.textContent()).toContain(ticked[2])
    await page.screenshot({ path: shot('plan-bulk-conflict') })
    for (const [i, id] of ticked.entries()) {
      expect((await rowOf('road_segments', id)).status).toBe('planned')
      expect((await eventsOf(id)).filter((e) => e.actor === ACCOUNTS.planner.name)).toHaveLength(0)
      expect((await eventsOf(id)).length).toBe(counts[i]! + (i === 2 ? 1 : 0))
    }
    await context.close()
  })
})

describe('exports', () => {
  it('downloads CSV and Excel files with Chinese headers and labels, for segments and facilities', async () => {
    const { page, context } = await openWorkbench()
    await page.getByLabel('暂停', { exact: true }).check()
    const suspended = (await segments(h, { status: ['suspended'] })).map((f) => f.id).sort()
    await page.locator(`[data-testid="plan-totals"][data-count="${suspended.length}"]`).waitFor()
    const csv = (await download(page, '导出 CSV（Excel）')).toString('utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).trim().split('\r\n')
    expect(lines[0]?.split(',').slice(0, 5)).toEqual(['编号', '道路编号', '名称', '道路等级', '状态'])
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(suspended)
    expect(lines.slice(1).every((l) => l.split(',')[4] === '暂停' && l.includes('"LINESTRING('))).toBe(true)

    const { default: ExcelJS } = await import('exceljs')
    const readBook = async (data: Buffer) => {
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(data as unknown as ArrayBuffer)
      return book.worksheets[0]!
    }
    const sheet = await readBook(await download(page, '导出 Excel（.xlsx）'))
    expect(sheet.getRow(1).getCell(1).value).toBe('编号')
    expect(sheet.getRow(1).getCell(5).value).toBe('状态')
    expect(sheet.rowCount).toBe(suspended.length + 1)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const geojson = JSON.parse((await download(page, '导出 GeoJSON')).toString('utf8')) as {
      features: { geometry: Record<string, unknown> }[]
    }
    expect(geojson.features.every((f) => !('crs' in f.geometry))).toBe(true)

    await page.getByRole('tab', { name: '设施' }).click()
    const all = await facilities(h)
    await page.locator(`[data-testid="facility-totals"][data-count="${all.length}"]`).waitFor()
    const fsheet = await readBook(await download(page, '导出 Excel（.xlsx）'))
    expect([1, 2, 3, 4].map((i) => fsheet.getRow(1).getCell(i).value)).toEqual(['编号', '名称', '类型', '状态'])
    expect(fsheet.rowCount).toBe(all.length + 1)
    await context.close()
  })
})

describe('languages', () => {
  it('shows English names, places and notes in the English UI', async () => {
    const subDistricts = (
      await query<{ features: { id: string; properties: { name_zh: string; name_en: string } }[] }>(
        h,
        'features.query',
        { layer: 'sub_districts', limit: 100 },
      )
    ).features
    const { page, context, problems } = await openWorkbench()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('tab', { name: 'Facilities' }).click()
    // A completed facility: no case edits those, so its history is the sample record alone (the
    // facilities case leaves a Chinese note on a planned school).
    const completed = (await facilities(h)).filter((f) => f.properties.status === 'completed').length
    await page.locator('input[name="facility-status"][value="completed"]').check()
    await page.locator(`[data-testid="facility-totals"][data-count="${completed}"]`).waitFor()
    const row = page.locator('[data-testid="facility-table"] tbody tr').first()
    await row.locator('button').click()
    const drawer = page.getByTestId('facility-drawer')
    await drawer.getByTestId('drawer-history').waitFor()
    const fields = await drawer.locator('.plan-fields').first().textContent() // the facility's own fields; the 督办 panel below has its own list
    expect(subDistricts.some((s) => fields?.includes(s.properties.name_en))).toBe(true)
    expect(subDistricts.some((s) => fields?.includes(s.properties.name_zh))).toBe(false)
    const history = (await drawer.getByTestId('drawer-history').textContent()) ?? ''
    expect(history).toContain('initial sample-data record')
    expect(history).not.toMatch(/[\u4e00-\u9fff]/)
    await page.screenshot({ path: shot('plan-english') })
    expect(problems).toEqual([])
    await context.close()
  })
})
