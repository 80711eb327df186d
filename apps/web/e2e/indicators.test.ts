import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { query } from './api.ts'
import { axeViolations } from './axe.ts'
import { type Harness, openPage, RESULTS_DIR, startHarness } from './harness.ts'
import { createAccounts, signIn } from './plan-fixture.ts'
import { mutate, plannerCookie } from './wall-support.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  await createAccounts(h)
})
afterAll(async () => {
  await h?.close()
})

const shot = (name: string) => join(RESULTS_DIR, `${name}.png`)

type Overview = {
  indicators: { id: string; values: { period: string; value: number; isSample: boolean; version: number }[] }[]
  milestones: { id: string; dueOn: string; doneOn: string | null }[]
}

/**
 * The scene page by page: every text drawn smaller than `min` screen px (at the stage's scale),
 * and the tiles and milestones drawn whole inside the scene on some page. Pages turn by themselves.
 */
async function legibility(page: Page, min: number): Promise<{ small: string[]; whole: Set<string> }> {
  // Fonts arrive after the first layout; wait until the scene's page count matches the settled columns.
  await page.evaluate(() => document.fonts.ready)
  await page.waitForFunction(() => {
    const el = document.querySelector('.wall-ind-columns') as HTMLElement
    return (
      el.parentElement?.dataset.pages === String(Math.max(1, Math.ceil((el.scrollWidth - 2) / (el.clientWidth + 10))))
    )
  })
  const pagesNow = async () => Number(await page.getByTestId('indicator-scene').getAttribute('data-pages'))
  const small: string[] = []
  const whole = new Set<string>()
  for (let p = 0; p < (await pagesNow()); p++) {
    await page.locator(`[data-testid="indicator-scene"][data-page="${p}"]`).waitFor({ timeout: 30_000 })
    // The page slides in over 0.6 s; measure once it has stopped.
    await page.waitForFunction(() => document.querySelector('.wall-ind-columns')?.getAnimations().length === 0)
    const found = await page.evaluate((min) => {
      const scene = document.querySelector('[data-testid="indicator-scene"]') as HTMLElement
      const box = scene.getBoundingClientRect()
      const scale = box.width / scene.offsetWidth
      const inside = (r: DOMRect) =>
        r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5
      const small: string[] = []
      const walker = document.createTreeWalker(scene, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        if (!n.textContent?.trim() || !el || !inside(el.getBoundingClientRect())) continue
        const px = Number.parseFloat(getComputedStyle(el).fontSize) * scale
        if (px < min - 0.01) small.push(`${px.toFixed(1)} px: ${n.textContent.trim()}`)
      }
      const whole = [...scene.querySelectorAll<HTMLElement>('[data-testid^="indicator-"], [data-testid^="milestone-"]')]
        .filter((el) => inside(el.getBoundingClientRect()))
        .map((el) => el.dataset.testid as string)
      return { small, whole, shown: scene.dataset.page }
    }, min)
    // On a loaded machine the page may have turned again before the measurement: measure it again.
    if (found.shown !== String(p)) {
      p--
      continue
    }
    small.push(...found.small)
    for (const id of found.whole) whole.add(id)
  }
  return { small, whole }
}

describe('城市数据一块屏 on the wall', () => {
  it('shows every indicator and milestone legibly at 1920×1080, labelled as sample', async () => {
    const { page, context, problems } = await openPage(h, { width: 1920, height: 1080 })
    const overview = await query<Overview>(h, 'indicators.overview')
    // Twelve seconds a scene: a board of two pages turns every six.
    await page.goto(`${h.origin}/wall?scenes=indicators&interval=12`)
    await page
      .locator('[data-testid="indicator-scene"] [data-testid^="indicator-"]')
      .first()
      .waitFor({ timeout: 60_000 })
    await page.screenshot({ path: shot('wall-indicators-1920x1080') })
    const everyTile = [
      ...overview.indicators.map((i) => `indicator-${i.id}`),
      ...overview.milestones.map((m) => `milestone-${m.id}`),
    ].sort()
    expect(await page.locator('[data-testid="indicator-scene"] article').count()).toBe(overview.indicators.length)
    expect(await page.locator('[data-testid="indicator-scene"] li[data-testid^="milestone-"]').count()).toBe(
      overview.milestones.length,
    )
    expect(await page.getByTestId('scene-name').textContent()).toBe('城市数据一块屏')
    await expect(page.locator('.wall-ind-sample').textContent()).resolves.toContain('示例')
    const zh = await legibility(page, 20)
    expect(zh.small).toEqual([])
    expect([...zh.whole].sort()).toEqual(everyTile)
    await page.goto(`${h.origin}/wall?scenes=indicators&interval=12&lang=en`)
    await page.locator('[data-testid="indicator-scene"] article').first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: shot('wall-indicators-1920x1080-en') })
    const en = await legibility(page, 20)
    expect(en.small).toEqual([])
    expect([...en.whole].sort()).toEqual(everyTile)
    expect(problems).toEqual([])
    await context.close()
  }, 150_000)

  it('shows a planner’s corrected value within 2 s', async () => {
    const { page, context, problems } = await openPage(h, { width: 1920, height: 1080 })
    await page.goto(`${h.origin}/wall?scenes=indicators&interval=30`)
    const tile = page.getByTestId('indicator-unemployment-rate')
    await tile.waitFor({ timeout: 60_000 })
    const overview = await query<Overview>(h, 'indicators.overview')
    const q4 = overview.indicators.find((i) => i.id === 'unemployment-rate')?.values.find((v) => v.period === '2020-Q4')
    // A value the tile does not show yet, so the wait below can only pass once the edit arrives (a retry
    // runs on the value the last attempt left). Both miss the 2020 target of at most 4 %.
    const value = q4?.value === 9.9 ? 9.8 : 9.9
    const cookie = await plannerCookie(h.db, h.origin)
    // Edit once the wall's indicator stream is up (INDICATORS_LIVE_MARK; a wall that has been running is): no change is missed.
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, 'onemap:indicators-live', {
      timeout: 30_000,
    })
    const started = Date.now()
    await mutate(h.origin, cookie, 'indicators.setValue', {
      id: 'unemployment-rate',
      period: '2020-Q4',
      value,
      expectedVersion: q4?.version ?? 0,
    })
    await page
      .locator(`[data-testid="indicator-unemployment-rate"][data-value="${value}"][data-status="missed"]`)
      .waitFor({ timeout: 2000 })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(problems).toEqual([])
    await context.close()
  }, 150_000)
})

describe('public indicators page', () => {
  it('gives each indicator its definition, source and as-of period at 375 px, and meets WCAG 2.1 AA', async () => {
    const { page, context, problems } = await openPage(h, { width: 375, height: 800 })
    const overview = await query<Overview>(h, 'indicators.overview')
    await page.goto(`${h.origin}/`)
    await page.getByRole('link', { name: '指标' }).click()
    await page.waitForURL(/\/indicators$/)
    const items = page.locator('.indicator-item')
    await items.first().waitFor({ timeout: 30_000 })
    expect(await items.count()).toBe(overview.indicators.length + overview.milestones.length)
    for (const i of overview.indicators) {
      const item = page.getByTestId(`indicator-${i.id}`)
      await expect(item.locator('dd').nth(1).textContent()).resolves.toContain('2020-08-02')
      expect(((await item.locator('dd').first().textContent()) ?? '').length).toBeGreaterThan(10)
    }
    await expect(page.getByTestId('indicator-fixed-asset-investment').textContent()).resolves.toMatch(/截至 2020-12/)
    await page.screenshot({ path: shot('indicators-375-zh'), fullPage: true })
    // The list as a phone shows it, from the page's heading down (the map sits above it on phones).
    const top = (await page.locator('#indicators-title').boundingBox())?.y ?? 0
    await page.screenshot({
      path: shot('indicators-375-zh-list'),
      fullPage: true,
      clip: { x: 0, y: top - 8, width: 375, height: 1300 },
    })
    const found: Record<string, string[]> = { zh: await axeViolations(page) }
    await page.getByRole('button', { name: /English|切换到英文/ }).click()
    await page.getByRole('heading', { name: 'Work-report targets' }).waitFor()
    await page.screenshot({ path: shot('indicators-375-en') })
    found.en = await axeViolations(page)
    expect(found).toEqual({ zh: [], en: [] })
    const csv = await fetch(`${h.origin}/data/indicators.csv`)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(problems).toEqual([])
    await context.close()
  }, 150_000)
})

describe('workbench 指标 tab', () => {
  it('lets a planner correct a sample value, then shows who entered it', async () => {
    // A month still holding a sample value and a milestone not done yet, due after the day it is marked
    // done: this case's own, also on a retry after an attempt that changed others.
    const DONE_ON = '2020-08-28'
    const before = await query<Overview>(h, 'indicators.overview')
    const period = before.indicators.find((i) => i.id === 'new-enterprises')?.values.find((v) => v.isSample)?.period
    const milestone = before.milestones.find((m) => m.doneOn === null && m.dueOn >= DONE_ON)
    if (!period || !milestone) throw new Error('no sample month of new-enterprises or no open milestone left')
    const { page, context, problems } = await openPage(h, { width: 1280, height: 900 })
    await signIn(page, h, 'planner')
    await page.getByRole('tab', { name: '指标' }).click()
    const panel = page.getByTestId('indicator-panel')
    await panel.getByLabel('指标', { exact: true }).selectOption('new-enterprises')
    await panel.locator('input[name="period"]').fill(period)
    await panel
      .getByTestId('indicator-current')
      .getByText(/示例值/)
      .waitFor()
    await panel.locator('input[name="value"]').fill('5321')
    await panel.getByRole('button', { name: '保存' }).click()
    await panel.getByRole('status').waitFor()
    await panel.getByTestId('indicator-current').getByText('planner-li').waitFor()
    await page.screenshot({ path: shot('plan-indicators-tab') })
    // A bad period is refused by the server with the reason, and nothing changes.
    await panel.locator('input[name="period"]').fill('2020年')
    await panel.locator('input[name="value"]').fill('1')
    await panel.getByRole('button', { name: '保存' }).click()
    await expect(panel.getByRole('alert').textContent()).resolves.toContain(
      "is not in the monthly cadence of 'new-enterprises'",
    )
    // A milestone is marked done with its evidence; the public overview then says so.
    const milestones = page.getByTestId('milestone-panel')
    await milestones.getByLabel('节点').selectOption(milestone.id)
    await milestones.locator('input[name="doneOn"]').fill(DONE_ON)
    await milestones.locator('input[name="evidence"]').fill('工作制度（2020年8月28日印发）')
    await milestones.getByRole('button', { name: '标记完成' }).click()
    await milestones.getByText('按期完成').waitFor()
    const after = await query<{ milestones: { id: string; status: string; evidence: string | null }[] }>(
      h,
      'indicators.overview',
    )
    expect(after.milestones.find((m) => m.id === milestone.id)).toMatchObject({
      status: 'done',
      evidence: '工作制度（2020年8月28日印发）',
    })
    await page.screenshot({ path: shot('plan-indicators-milestone') })
    // The refused save is the one expected 400 (network log and console both report it).
    expect(problems.filter((p) => !p.includes('400'))).toEqual([])
    await context.close()
  }, 150_000)
})
