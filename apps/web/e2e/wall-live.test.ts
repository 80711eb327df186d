import { describe, expect, it, onTestFinished } from 'vitest'
import { query } from './api.ts'
import { mutate, openWall, plannerCookie, useWallHarness } from './wall-support.ts'

const wall = useWallHarness()

type Item = {
  entity: 'road_segment' | 'facility'
  id: string
  nameZh: string
  status: string
  version: number
  overdueDays: number
}
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const legendCount = (key: string) => `[data-testid="scene-legend"] li[data-legend="${key}"] b`

describe('wall live changes', () => {
  it('shows a programme segment reported built on the roads figure, the map and the ticker within 2 s', async () => {
    const { page, context, problems } = await openWall(wall.h, '?scenes=roads&interval=600')
    onTestFinished(() => context.close())
    const items = await query<Item[]>(wall.h, 'progress.items')
    const target = items.find((i) => i.entity === 'road_segment' && i.status === 'under_construction')
    if (!target) throw new Error('the seeded database holds no programme segment under construction')
    const kpiBefore = await page.getByTestId('kpi-road-segments').textContent()
    const builtBefore = Number(await page.locator(legendCount('completed')).textContent())
    const cookie = await plannerCookie(wall.db, wall.h.origin)
    // The live stream is up before the edit (the stale banner is gone), as on a wall that has run a while.
    await page.locator('[data-testid="wall-stage"][data-stale=""]').waitFor()
    const started = Date.now()
    await mutate(wall.h.origin, cookie, 'edits.setStatus', {
      entity: 'road_segment',
      id: target.id,
      expectedVersion: target.version,
      to: 'completed',
      at: today(),
    })
    // The built length may move by less than the 0.1 km shown; the count of built segments always moves.
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="kpi-road-segments"]')?.textContent !== old,
      kpiBefore,
      { timeout: 2000 },
    )
    // The map's roads are drawn from the same read as the legend's counts.
    await page.waitForFunction(
      ([sel, n]) => Number(document.querySelector(sel as string)?.textContent) === n,
      [legendCount('completed'), builtBefore + 1] as const,
      { timeout: 2000 },
    )
    await page
      .getByTestId('ticker')
      .locator('li')
      .first()
      .filter({ hasText: target.nameZh })
      .filter({ hasText: '建成' })
      .waitFor({ timeout: 2000 })
    expect(Date.now() - started).toBeLessThan(2000)
    // The wall patched its figures from one read about the item (wall.itemFigures): they are the ones the
    // whole procedures give now. The built count is the server's, and the alarm panel shows the head of
    // the server's alarm list, without the segment just built.
    const summary = await query<{ roads: { states: { done: number } } }>(wall.h, 'progress.summary')
    expect(await page.getByTestId('kpi-road-segments').textContent()).toContain(`建成 ${summary.roads.states.done} 段`)
    const alarms = await query<{ items: { id: string }[] }>(wall.h, 'wall.alarms', { limit: 40 })
    const shown = await page
      .locator('[data-testid="alarm-panel"] li[data-alarm]')
      .evaluateAll((rows) => rows.flatMap((r) => (r.getAttribute('data-alarm') ?? '').split(' ')))
    expect(shown.length).toBeGreaterThan(0)
    expect(shown[0]).toBe(alarms.items[0]?.id)
    expect(shown.filter((id) => !alarms.items.some((a) => a.id === id))).toEqual([])
    expect(shown).not.toContain(target.id)
    expect(problems).toEqual([])
  }, 240_000)

  it('raises an item that becomes late into the alarm panel, pulsing, within 2 s', async () => {
    const { page, context, problems } = await openWall(wall.h, '?scenes=facilities&interval=600')
    onTestFinished(() => context.close())
    await page.getByTestId('alarm-panel').locator('li').first().waitFor()
    const items = await query<Item[]>(wall.h, 'progress.items')
    const alarms = await query<{ items: { id: string }[] }>(wall.h, 'wall.alarms', { limit: 50 })
    const target = items.find(
      (i) =>
        i.entity === 'facility' &&
        i.status !== 'completed' &&
        i.status !== 'in_service' &&
        !alarms.items.some((a) => a.id === i.id),
    )
    if (!target) throw new Error('the seeded database holds no unfinished facility on time')
    expect(await page.locator(`[data-testid="alarm-panel"] li[data-alarm~="${target.id}"]`).count()).toBe(0)
    const cookie = await plannerCookie(wall.db, wall.h.origin)
    await page.locator('[data-testid="wall-stage"][data-stale=""]').waitFor()
    const started = Date.now()
    // The plan moved years into the past: later than every item on the list.
    await mutate(wall.h.origin, cookie, 'edits.revisePlan', {
      entity: 'facility',
      id: target.id,
      expectedVersion: target.version,
      revisedStart: '2016-03-01',
      revisedFinish: '2017-03-01',
      reason: 'wall test: re-planned into the past',
    })
    const row = page.locator(`[data-testid="alarm-panel"] li[data-alarm~="${target.id}"]`)
    await row.waitFor({ timeout: 2000 })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await row.getAttribute('class')).toMatch(/is-new/)
    expect(await page.getByTestId('alarm-panel').getAttribute('class')).toMatch(/is-alerting/)
    expect(problems).toEqual([])
  }, 240_000)
})
