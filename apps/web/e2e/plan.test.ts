import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROAD_SEGMENT_STATUS_COLOURS, type RoadSegmentStatus } from '@onemap/domain/values'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { query } from './api.ts'
import { type Harness, openPage, RESULTS_DIR, startHarness, waitForMapIdle } from './harness.ts'
import {
  ACCOUNTS,
  createAccounts,
  pointsShowing,
  segments,
  signIn,
  waitSettledOn,
  waitTilesRedrawn,
} from './plan-fixture.ts'

let h: Harness
const SHIFO = '410172160'
const UNBUILT = ['planned', 'suspended', 'under_construction']
const shot = (name: string) => join(RESULTS_DIR, `${name}.png`)

beforeAll(async () => {
  h = await startHarness()
  await createAccounts(h)
})
afterAll(async () => {
  await h?.close()
})

interface HistoryRow {
  actor: string
  to: string
  note: string | null
}
/** The audit trail straight from the database, independent of the page. */
async function historyOf(id: string): Promise<HistoryRow[]> {
  const { rows } = await h.db.query<HistoryRow>(
    'SELECT actor, to_status AS "to", note FROM status_events WHERE entity_id = $1 ORDER BY id',
    [id],
  )
  return rows
}

describe('planner workbench', () => {
  it('signs in, filters unbuilt segments in 石佛镇 and the table and map follow the API', async () => {
    const { page, context, problems } = await openPage(h)
    const tileUrls: string[] = []
    context.on('request', (r) => void (r.url().includes('/tiles/road_segments/') && tileUrls.push(r.url())))
    await signIn(page, h, 'planner')
    await page.getByRole('button', { name: '仅未建成' }).click()
    await page.getByLabel('乡镇街道').selectOption(SHIFO)
    const expected = await segments(h, { status: UNBUILT, subDistrict: SHIFO })
    expect(expected.length).toBeGreaterThan(0)
    await page.locator(`[data-testid="plan-totals"][data-count="${expected.length}"]`).waitFor()
    const shown = await page
      .locator('[data-testid="plan-table"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment-id')))
    expect(shown.length).toBe(Math.min(20, expected.length))
    for (const id of shown) expect(expected.map((f) => f.id)).toContain(id)
    await waitForMapIdle(page)
    // The filtered tiles are requested after the map's first idle; on a loaded machine that can take a moment.
    await expect
      .poll(
        () =>
          tileUrls.some(
            (u) => u.includes(`subDistrict=${SHIFO}`) && u.includes('status=planned%2Csuspended%2Cunder_construction'),
          ),
        {
          timeout: 20_000,
        },
      )
      .toBe(true)
    await page.screenshot({ path: shot('plan-filtered') })
    expect(problems).toEqual([])
    await context.close()
  })

  it('changes a status: map, totals and history update without reload, naming the planner', async () => {
    const inShifo = await segments(h, { subDistrict: SHIFO })
    const target = inShifo
      .filter((f) => f.properties.status === 'under_construction')
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0]
    if (!target) throw new Error('no segment under construction in 石佛镇')
    const { page, context, problems } = await openPage(h)
    await signIn(page, h, 'planner')
    await page.getByLabel('乡镇街道').selectOption(SHIFO)
    await page.locator(`[data-testid="plan-totals"][data-count="${inShifo.length}"]`).waitFor()
    const shareBefore = Number(await page.getByTestId('plan-totals').getAttribute('data-share'))
    // Status, descending: under construction sorts first, ties by id.
    await page.getByRole('button', { name: '状态', exact: true }).click()
    await page.locator(`tbody tr[data-segment-id="${target.id}"] button`).click()
    await waitSettledOn(page, target.id)
    expect(
      await pointsShowing(
        page,
        context,
        target,
        ROAD_SEGMENT_STATUS_COLOURS.under_construction,
        shot('plan-before-edit'),
      ),
    ).toBeGreaterThanOrEqual(3)

    const drawer = page.getByTestId('segment-drawer')
    await drawer.locator('select[name="to"]').selectOption('completed')
    await drawer.getByLabel('备注').fill('验收通过')
    await drawer.getByRole('button', { name: '保存状态' }).click()
    await drawer.getByTestId('drawer-status').filter({ hasText: '建成' }).waitFor()
    await drawer.getByTestId('drawer-history').getByText(ACCOUNTS.planner.name).last().waitFor()
    await expect
      .poll(async () => Number(await page.getByTestId('plan-totals').getAttribute('data-share')))
      .toBeGreaterThan(shareBefore)
    await waitTilesRedrawn(page)
    expect(
      await pointsShowing(page, context, target, ROAD_SEGMENT_STATUS_COLOURS.completed, shot('plan-after-edit')),
    ).toBeGreaterThanOrEqual(3)
    expect((await historyOf(target.id)).at(-1)).toMatchObject({
      actor: ACCOUNTS.planner.name,
      to: 'completed',
      note: '验收通过',
    })
    expect(problems).toEqual([])
    await context.close()
  })

  it('tells a second planner who changed the segment, keeps what they typed and the first edit', async () => {
    const planned = (await segments(h, { status: ['planned'] })).sort((a, b) => (a.id < b.id ? -1 : 1))
    const target = planned[planned.length - 1]
    if (!target) throw new Error('no planned segment')
    const open = async (who: 'planner' | 'planner2') => {
      const w = await openPage(h)
      await signIn(w.page, h, who)
      await w.page.getByLabel('规划', { exact: true }).check()
      await w.page.locator(`tbody tr[data-segment-id="${target.id}"] button`).click()
      await w.page.getByTestId('edit-controls').waitFor()
      return w
    }
    const first = await open('planner')
    const second = await open('planner2')
    // The second planner is mid-edit when the first saves: the live stream may report the change
    // before the save does; either way the same notice must appear and the typing survive.
    const drawer = second.page.getByTestId('segment-drawer')
    await drawer.locator('select[name="to"]').selectOption('under_construction')
    await drawer.getByLabel('备注').fill('赵的备注：等待拆迁')
    const firstDrawer = first.page.getByTestId('segment-drawer')
    await firstDrawer.locator('select[name="to"]').selectOption('under_construction')
    await firstDrawer.getByRole('button', { name: '保存状态' }).click()
    await first.page.getByTestId('drawer-status').filter({ hasText: '在建' }).waitFor()
    await drawer.getByRole('button', { name: '保存状态' }).click()
    const conflict = second.page.getByTestId('plan-conflict')
    await conflict.waitFor()
    expect(await conflict.textContent()).toContain(ACCOUNTS.planner.name)
    await second.page.screenshot({ path: shot('plan-conflict') })
    expect(await drawer.getByLabel('备注').inputValue()).toBe('赵的备注：等待拆迁')
    const trail = await historyOf(target.id)
    expect(trail.at(-1)).toMatchObject({ actor: ACCOUNTS.planner.name, to: 'under_construction' })
    expect(trail.some((e) => e.actor === ACCOUNTS.planner2.name)).toBe(false)

    await conflict.getByRole('button', { name: '重新载入路段' }).click()
    await conflict.waitFor({ state: 'detached' })
    await drawer.getByTestId('drawer-status').filter({ hasText: '在建' }).waitFor()
    expect(await drawer.getByLabel('备注').inputValue()).toBe('赵的备注：等待拆迁')
    expect(first.problems.concat(second.problems).filter((p) => !p.includes('409'))).toEqual([])
    await first.context.close()
    await second.context.close()
  })

  it('exports the current filter as GeoJSON and as CSV with a BOM and Chinese headers, matching the filter', async () => {
    const { page, context } = await openPage(h)
    await signIn(page, h, 'planner')
    await page.getByRole('button', { name: '仅未建成' }).click()
    await page.getByLabel('乡镇街道').selectOption(SHIFO)
    const expected = (await segments(h, { status: UNBUILT, subDistrict: SHIFO })).map((f) => f.id).sort()
    await page.locator(`[data-testid="plan-totals"][data-count="${expected.length}"]`).waitFor()
    const download = async (label: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ])
      return readFileSync((await file.path()) as string, 'utf8')
    }
    const geojson = JSON.parse(await download('导出 GeoJSON')) as {
      features: { id: string; geometry: { type: string }; properties: { status: string } }[]
    }
    expect(geojson.features.map((f) => f.id).sort()).toEqual(expected)
    for (const f of geojson.features) expect(UNBUILT).toContain(f.properties.status)
    expect(geojson.features.every((f) => f.geometry.type === 'LineString')).toBe(true)
    const csv = await download('导出 CSV（Excel）')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).trim().split('\r\n')
    expect(lines[0]?.startsWith('编号,道路编号,名称')).toBe(true)
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(expected)
    await context.close()
  })
})

describe('planner tools', () => {
  it('measures a known north–south distance within 1%', async () => {
    // GRS80 meridian arc between the two clicked latitudes is the reference.
    const A = 6378137
    const F = 1 / 298.257222101
    const E2 = F * (2 - F)
    const zoom = 15
    const center: [number, number] = [113.55, 34.8]
    const { page, context } = await openPage(h)
    await signIn(page, h, 'planner', `#${zoom}/${center[1]}/${center[0]}`)
    await waitForMapIdle(page)
    await page.getByRole('tab', { name: '图层与工具' }).click()
    await page.getByRole('button', { name: '量距离' }).click()
    const box = await page.locator('.map-canvas canvas').boundingBox()
    if (!box) throw new Error('no map canvas')
    const dy = 250
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - dy)
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + dy)
    // Latitudes of the two clicks from Web Mercator at this zoom (512-px world).
    const world = 512 * 2 ** zoom
    const yOf = (lat: number) => (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * world
    const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp((0.5 - y / world) * 2 * Math.PI)) - 90
    const [north, south] = [latOf(yOf(center[1]) - dy), latOf(yOf(center[1]) + dy)]
    const mid = (((north + south) / 2) * Math.PI) / 180
    const expected = ((A * (1 - E2)) / (1 - E2 * Math.sin(mid) ** 2) ** 1.5) * (((north - south) * Math.PI) / 180)
    const result = page.getByTestId('measure-result')
    await expect.poll(async () => Number(await result.getAttribute('data-metres'))).toBeGreaterThan(0)
    const measured = Number(await result.getAttribute('data-metres'))
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.01)
    await page.screenshot({ path: shot('plan-measure') })
    await context.close()
  })

  it('shows the network as of 2021-01-01 on the time slider', async () => {
    const then = await query<{ items: { entity: string; id: string; status: string }[]; roads: { ratio: number } }>(
      h,
      'progress.asOf',
      { date: '2021-01-01' },
    )
    const now = await segments(h)
    const thenStatus = new Map(then.items.filter((i) => i.entity === 'road_segment').map((i) => [i.id, i.status]))
    const { page, context, problems } = await openPage(h)
    await signIn(page, h, 'planner')
    await page.locator('input[type="checkbox"][value="completed"]').check()
    const built = now.filter((f) => f.properties.status === 'completed').length
    await page.locator(`[data-testid="plan-totals"][data-count="${built}"]`).waitFor()
    // A segment built today that was not yet built then, from the table's first page.
    const shown = await page
      .locator('tbody tr[data-segment-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment-id') as string))
    const target = now.find((f) => shown.includes(f.id) && thenStatus.get(f.id) !== 'completed')
    if (!target) throw new Error('no segment on the first page was unbuilt on 2021-01-01')
    const thenColour = ROAD_SEGMENT_STATUS_COLOURS[(thenStatus.get(target.id) ?? 'planned') as RoadSegmentStatus]
    await page.locator(`tbody tr[data-segment-id="${target.id}"] button`).click()
    await waitSettledOn(page, target.id)
    await page.getByRole('tab', { name: '时间轴' }).click()
    await page.locator('input[name="asOf"]').fill('2021-01-01')
    const summary = page.locator('[data-testid="time-summary"][data-date="2021-01-01"]')
    await summary.waitFor()
    expect(Number(await summary.getAttribute('data-ratio'))).toBeCloseTo(then.roads.ratio, 6)
    const counts: Record<string, number> = {}
    for (const s of thenStatus.values()) counts[s] = (counts[s] ?? 0) + 1
    for (const [status, n] of Object.entries(counts))
      expect(await page.locator(`.plan-time-counts [data-status="${status}"]`).getAttribute('data-count')).toBe(
        String(n),
      )
    // Facilities are recoloured to that date too.
    const facilityCounts: Record<string, number> = {}
    for (const i of then.items)
      if (i.entity === 'facility') facilityCounts[i.status] = (facilityCounts[i.status] ?? 0) + 1
    for (const [status, n] of Object.entries(facilityCounts))
      expect(
        await page.locator(`.plan-time-facility-counts [data-status="${status}"]`).getAttribute('data-count'),
      ).toBe(String(n))
    await expect
      .poll(() => pointsShowing(page, context, target, thenColour, shot('plan-time-2021')), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3)
    expect(problems).toEqual([])
    await context.close()
  })

  it('shows a viewer no edit controls, and the API refuses the viewer’s edit', async () => {
    const { page, context } = await openPage(h)
    await signIn(page, h, 'viewer')
    const row = page.locator('tbody tr[data-segment-id]').first()
    const id = (await row.getAttribute('data-segment-id')) as string
    await row.locator('button').click()
    await page.getByTestId('segment-drawer').getByTestId('drawer-history').waitFor()
    expect(await page.getByTestId('edit-controls').count()).toBe(0)
    expect(await page.locator('.plan-drawer select, .plan-drawer textarea').count()).toBe(0)
    const status = await page.evaluate(async (segmentId) => {
      const res = await fetch('/trpc/edits.setStatus', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          entity: 'road_segment',
          id: segmentId,
          expectedVersion: 1,
          to: 'suspended',
          at: '2021-01-01',
          note: 'viewer attempt',
        }),
      })
      return res.status
    }, id)
    expect(status).toBe(403)
    expect((await historyOf(id)).some((e) => e.actor === ACCOUNTS.viewer.name)).toBe(false)
    await context.close()
  })
})
