import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { zoneToday } from '@onemap/domain/dates'
import { ROAD_SEGMENT_STATUS_COLOURS } from '@onemap/domain/values'
import { type Harness, openPage, RESULTS_DIR, startHarness } from './harness.ts'
import { mutate, plannerCookie, waitForLiveSubscribers } from './wall-support.ts'
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

  it('patches the open table from a colleague’s change: row and totals agree with a fresh read, and the table is not read again', async () => {
    const a = await openPage(h)
    await signIn(a.page, h, 'planner')
    // Sorted by length, a change of status keeps the row's place: the page can follow it from the event.
    const all = (await segments(h)).length
    const reads: string[] = []
    a.page.on('request', (r) => {
      if (r.url().includes('analysis.segments')) reads.push(r.url())
    })
    await a.page.getByRole('button', { name: '长度(米)', exact: true }).click()
    await a.page.locator(`[data-testid="plan-totals"][data-count="${all}"]`).waitFor()
    await vi.waitFor(() => expect(reads.at(-1)).toContain('length'))
    // The page's own session reads exactly what the table read, for comparison after the change.
    const session = (await a.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const tableUrl = reads.at(-1)!
    const readTable = async () => {
      const res = await fetch(tableUrl, { headers: { cookie: session } })
      const body = (await res.json()) as { result: { data: unknown } } | { result: { data: unknown } }[]
      const paths = new URL(tableUrl).pathname.slice('/trpc/'.length).split(',')
      const answer = Array.isArray(body) ? body[paths.indexOf('analysis.segments')]! : body
      return answer.result.data as {
        totals: { segments: number; lengthM: number; completedShare: number }
        rows: { id: string; status: string }[]
      }
    }
    const shownRows = () =>
      a.page
        .locator('tbody tr[data-segment-id]')
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.getAttribute('data-segment-id'),
            r.querySelector('td[data-status]')?.getAttribute('data-status'),
          ]),
        )
    // The sorted page is on screen (not the page before it, kept while the read ran).
    const sorted = await readTable()
    await expect.poll(shownRows).toEqual(sorted.rows.map((r) => [r.id, r.status]))
    const building = a.page.locator('tbody tr[data-segment-id]:has(td[data-status="under_construction"])').first()
    const id = (await building.getAttribute('data-segment-id')) as string
    const beforeCard = await a.page
      .locator(`tbody tr[data-segment-id="${id}"] .duban-card`)
      .textContent({ timeout: 1000 })
      .catch(() => null)
    const shareBefore = Number(await a.page.getByTestId('plan-totals').getAttribute('data-share'))

    const colleague = await plannerCookie(h.db, h.origin)
    const { version } = sorted.rows.find((r) => r.id === id) as unknown as { version: number }
    await waitForLiveSubscribers(h.db)
    const readsBefore = reads.length
    await mutate(h.origin, colleague, 'edits.setStatus', {
      entity: 'road_segment',
      id,
      expectedVersion: version,
      to: 'completed',
      at: zoneToday(new Date()),
    })

    await a.page.locator(`tbody tr[data-segment-id="${id}"] td[data-status="completed"]`).waitFor({ timeout: LIVE_MS })
    const fresh = await readTable()
    const totals = a.page.getByTestId('plan-totals')
    await expect.poll(() => totals.getAttribute('data-share')).toBe(String(fresh.totals.completedShare))
    expect(fresh.totals.completedShare).toBeGreaterThan(shareBefore)
    expect(await totals.getAttribute('data-count')).toBe(String(fresh.totals.segments))
    expect(await totals.getAttribute('data-length-m')).toBe(String(fresh.totals.lengthM))
    expect(await shownRows()).toEqual(fresh.rows.map((r) => [r.id, r.status]))
    // The row's card follows its new lateness: the badge is the one a fresh cards read gives.
    const cards = await fetch(`${h.origin}/trpc/duban.cards.list`, { headers: { cookie: session } })
    const { items } = (
      (await cards.json()) as { result: { data: { items: { id: string; card: { colour: string } | null }[] } } }
    ).result.data
    const colour = items.find((i) => i.id === id)?.card?.colour
    // The sample's longest segment under construction is late enough for a red card, which finishing it ends.
    expect([beforeCard, colour ?? null]).toEqual(['红牌', null])
    const badge = a.page.locator(`tbody tr[data-segment-id="${id}"] .duban-card`)
    expect(await badge.count()).toBe(colour ? 1 : 0)
    if (colour) expect(await badge.getAttribute('class')).toContain(`duban-card-${colour}`)
    // The change came with the event; the table was not asked again.
    expect(reads.slice(readsBefore)).toEqual([])
    await a.page.locator(`tbody tr[data-segment-id="${id}"]`).scrollIntoViewIfNeeded()
    await a.page.screenshot({ path: join(RESULTS_DIR, 'plan-live-patched.png') })
    expect(a.problems).toEqual([])
    await a.context.close()
  })
})
