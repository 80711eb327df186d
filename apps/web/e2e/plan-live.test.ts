import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROAD_SEGMENT_STATUS_COLOURS } from '@onemap/domain/values'
import { type Harness, openPage, RESULTS_DIR, startHarness } from './harness.ts'
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
/** What the issue promises: a colleague's edit reaches an open workbench this fast. */
const LIVE_MS = 2_000

beforeAll(async () => {
  h = await startHarness()
  await createAccounts(h)
})
afterAll(async () => {
  await h?.close()
})

/**
 * Planned and under-construction segments, longest first: a planned → under construction change
 * keeps the row where it is. Sorted first and filtered second, so the totals matching the API mean
 * the page on screen is the sorted and filtered one, not a placeholder.
 */
async function showOpenSegmentsByLength(page: Page): Promise<void> {
  await page.getByRole('button', { name: '长度(米)', exact: true }).click()
  await page.getByLabel('规划', { exact: true }).check()
  await page.getByLabel('在建', { exact: true }).check()
  const count = (await segments(h, { status: ['planned', 'under_construction'] })).length
  await page.locator(`[data-testid="plan-totals"][data-count="${count}"]`).waitFor()
}

describe('planner workbench, live', () => {
  it('shows a colleague’s status change without reload: table row, history, tiles, and a notice over what is typed', async () => {
    const a = await openPage(h)
    await signIn(a.page, h, 'planner')
    await showOpenSegmentsByLength(a.page)
    const planned = a.page.locator('tbody tr[data-segment-id]:has(td[data-status="planned"])').first()
    const id = (await planned.getAttribute('data-segment-id')) as string
    const target = (await segments(h)).find((f) => f.id === id)
    if (!target) throw new Error(`segment ${id} is not in the API's answer`)
    await a.page.locator(`tbody tr[data-segment-id="${id}"] button`).click()
    await waitSettledOn(a.page, id)
    const drawerA = a.page.getByTestId('segment-drawer')
    await drawerA.getByLabel('备注').fill('李正在写：等待验收资料')
    const revisionBefore = Number(await a.page.locator('.plan-workbench').getAttribute('data-revision'))

    const b = await openPage(h)
    await signIn(b.page, h, 'planner2')
    await showOpenSegmentsByLength(b.page)
    await b.page.locator(`tbody tr[data-segment-id="${id}"] button`).click()
    const drawerB = b.page.getByTestId('segment-drawer')
    await drawerB.locator('select[name="to"]').selectOption('under_construction')
    await drawerB.getByRole('button', { name: '保存状态' }).click()
    await drawerB.getByTestId('drawer-status').filter({ hasText: '在建' }).waitFor()

    // From B's confirmed save, A has LIVE_MS for each of these (no reload, no click on A's side).
    const started = Date.now()
    await a.page
      .locator(`tbody tr[data-segment-id="${id}"] td[data-status="under_construction"]`)
      .waitFor({ timeout: LIVE_MS })
    await drawerA.getByTestId('drawer-history').getByText(ACCOUNTS.planner2.name).waitFor({ timeout: LIVE_MS })
    await drawerA.getByTestId('drawer-status').filter({ hasText: '在建' }).waitFor({ timeout: LIVE_MS })
    const notice = a.page.getByTestId('plan-conflict')
    await notice.waitFor({ timeout: LIVE_MS })
    expect(Date.now() - started).toBeLessThan(LIVE_MS)
    expect(await notice.textContent()).toContain(ACCOUNTS.planner2.name)
    expect(await drawerA.getByLabel('备注').inputValue()).toBe('李正在写：等待验收资料')

    // The map reloaded the segment tiles for the new layer version and draws the new status.
    await expect
      .poll(async () => Number(await a.page.locator('.plan-workbench').getAttribute('data-revision')))
      .toBeGreaterThan(revisionBefore)
    await waitTilesRedrawn(a.page)
    const colour = ROAD_SEGMENT_STATUS_COLOURS.under_construction
    await expect
      .poll(() => pointsShowing(a.page, a.context, target, colour, join(RESULTS_DIR, 'plan-live.png')), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(3)

    // Reloading adopts the colleague's version and still keeps the note.
    await notice.getByRole('button', { name: '重新载入路段' }).click()
    await notice.waitFor({ state: 'detached' })
    expect(await drawerA.getByLabel('备注').inputValue()).toBe('李正在写：等待验收资料')
    expect(a.problems.concat(b.problems)).toEqual([])
    await a.context.close()
    await b.context.close()
  })
})
