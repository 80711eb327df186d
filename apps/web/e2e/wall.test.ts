import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { query } from './api.ts'
import { pixelsOf, RESULTS_DIR } from './harness.ts'
import { WALL_STATUS_COLOURS } from '../src/modes/wall/wall-colours.ts'
import {
  countColour,
  heapAfterGc,
  mutate,
  openWall as openWallPage,
  plannerCookie,
  useWallHarness,
  waitForLiveSubscribers,
  waitForSceneChanges,
} from './wall-support.ts'

const wall = useWallHarness()

const shot = (name: string) => join(RESULTS_DIR, `${name}.png`)

const openWall = (search: string, viewport?: { width: number; height: number }) =>
  openWallPage(wall.h, search, viewport)

/** Everything that could overflow: the page itself and every panel of the stage. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth || doc.scrollHeight > doc.clientHeight)
      out.push(`page ${doc.scrollWidth}×${doc.scrollHeight}`)
    for (const el of document.querySelectorAll<HTMLElement>(
      '.wall-stage, .wall-tile, .wall-panel, .wall-header, .wall-bars',
    )) {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        out.push(`${el.className} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`)
    }
    const stage = document.querySelector('.wall-stage')?.getBoundingClientRect()
    if (
      stage &&
      (stage.left < -0.5 || stage.top < -0.5 || stage.right > innerWidth + 0.5 || stage.bottom > innerHeight + 0.5)
    )
      out.push('stage outside the window')
    return out
  })
}

// Each case opens its own wall page.
describe('wall display', () => {
  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(`fills ${width}×${height} with nothing overflowing`, async () => {
      const { page, context, problems } = await openWall('?interval=30', { width, height })
      onTestFinished(() => context.close())
      // Layout is final once the web fonts are in.
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      await page.screenshot({ path: shot(`wall-${width}x${height}`) })
      expect(await overflows(page)).toEqual([])
      const stage = await page.getByTestId('wall-stage').boundingBox()
      expect(stage?.width).toBeCloseTo(width, 0)
      expect(stage?.height).toBeCloseTo(height, 0)
      expect(await page.getByTestId('as-of').textContent()).toMatch(/^数据截至 \d\d:\d\d:\d\d$/)
      expect(problems).toEqual([])
      await context.close()
      // Software WebGL at 4K on two shared cores takes a while per frame.
    }, 300_000)
  }

  it('shows a planner’s edit on figures, ticker and map within 2 s', async () => {
    const { page, context, problems } = await openWall('?scenes=facilities&interval=30')
    onTestFinished(() => context.close())
    type Item = { entity: string; id: string; nameZh: string; status: string; version: number }
    const items = await query<Item[]>(wall.h, 'progress.items')
    const target = items.find((i) => i.entity === 'facility' && i.status === 'planned')
    if (!target) throw new Error('the seeded database holds no planned facility')
    const before = await page.getByTestId('kpi-facilities').locator('.wall-tile-value').textContent()
    const cookie = await plannerCookie(wall.db, wall.h.origin)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    // The wall's live subscription listens on the server before the edit, as on a wall that has been up a while.
    await waitForLiveSubscribers(wall.db)
    const started = Date.now()
    await mutate(wall.h.origin, cookie, 'edits.setStatus', {
      entity: 'facility',
      id: target.id,
      expectedVersion: target.version,
      to: 'started',
      at: today,
    })
    await page.getByTestId('ticker').getByText(target.nameZh).first().waitFor({ timeout: 2000 })
    await page.locator(`[data-testid="wall-stage"][data-pulsing*="${target.id}"]`).waitFor({ timeout: 2000 })
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="kpi-facilities"] .wall-tile-value')?.textContent !== old,
      before,
      { timeout: 2000 },
    )
    expect(Date.now() - started).toBeLessThan(2000)
    expect(problems).toEqual([])
    await context.close()
  }, 240_000)

  it('says it is stale while the server is down and recovers after a restart without reloading', async () => {
    const { page, context } = await openWall('?interval=30')
    onTestFinished(() => context.close())
    await page.evaluate(() => ((window as unknown as { wallMarker: number }).wallMarker = 42))
    const asOfBefore = await page.getByTestId('wall-stage').getAttribute('data-as-of')
    // The server is up again for the next case, whatever happens here.
    onTestFinished(() => wall.server.start())
    await wall.server.stop()
    const down = Date.now()
    await page.getByTestId('stale-banner').waitFor({ timeout: 60_000 })
    expect(Date.now() - down).toBeLessThan(60_000)
    await wall.server.start()
    const up = new Date().toISOString()
    await page.getByTestId('stale-banner').waitFor({ state: 'detached', timeout: 60_000 })
    await page.waitForFunction(
      (t) => (document.querySelector('[data-testid="wall-stage"]')?.getAttribute('data-as-of') ?? '') >= t,
      up,
      { timeout: 10_000 },
    )
    expect(await page.getByTestId('wall-stage').getAttribute('data-as-of')).not.toBe(asOfBefore)
    expect(await page.evaluate(() => (window as unknown as { wallMarker?: number }).wallMarker)).toBe(42)
    await context.close()
  }, 240_000)

  it('draws the map and its emphasis again after every WebGL context is lost', async () => {
    const { page, context } = await openWall('?scenes=facilities&interval=30')
    onTestFinished(() => context.close())
    const region = await page.locator('.wall-map-window').boundingBox()
    if (!region) throw new Error('no map window')
    const grid: [number, number][] = []
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++) grid.push([region.x + (region.width * i) / 20, region.y + (region.height * j) / 20])
    const measure = async () => {
      const png = await page.screenshot()
      return {
        // Basemap detail (MapLibre's canvas) and facility dots in the "completed" green (deck.gl's canvas).
        colours: new Set((await pixelsOf(context, png, grid)).map((p) => p.slice(0, 3).join(','))).size,
        dots: await countColour(
          context,
          png,
          region,
          WALL_STATUS_COLOURS.completed?.slice(0, 3) as [number, number, number],
        ),
      }
    }
    // Wait on what the screen shows: the basemap's detail and the scene's dots drawn by deck.gl.
    let drawn = { colours: 0, dots: 0 }
    await vi.waitFor(
      async () => {
        drawn = await measure()
        expect(drawn.colours).toBeGreaterThan(5)
        expect(drawn.dots).toBeGreaterThan(50)
      },
      { timeout: 60_000, interval: 250 },
    )
    const contexts = await page.evaluate(() => {
      const w = window as unknown as { restoreWall: (() => void)[] }
      w.restoreWall = []
      for (const canvas of document.querySelectorAll('canvas')) {
        const ext = canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')
        if (!ext) continue
        ext.loseContext()
        w.restoreWall.push(() => ext.restoreContext())
      }
      return w.restoreWall.length
    })
    // MapLibre's canvas and deck.gl's overlay canvas.
    expect(contexts).toBe(2)
    await vi.waitFor(
      async () => {
        const blank = await measure()
        expect(blank.colours).toBeLessThan(drawn.colours)
        expect(blank.dots).toBeLessThan(drawn.dots / 4)
      },
      { timeout: 30_000, interval: 100 },
    )
    // A browser restores only contexts whose page asked for it (MapLibre does; deck.gl is replaced).
    await page.evaluate(() =>
      (window as unknown as { restoreWall: (() => void)[] }).restoreWall.forEach((restore) => restore()),
    )
    await vi.waitFor(
      async () => {
        const again = await measure()
        expect(again.colours).toBeGreaterThan(drawn.colours * 0.6)
        expect(again.dots).toBeGreaterThan(drawn.dots * 0.6)
      },
      { timeout: 60_000, interval: 250 },
    )
    await page.screenshot({ path: shot('wall-after-context-loss') })
    await context.close()
  }, 240_000)

  it('keeps the JS heap flat over 20 scene changes at 1 s', async () => {
    const { page, context, problems } = await openWall('?interval=1')
    onTestFinished(() => context.close())
    const cdp = await context.newCDPSession(page)
    // Warm up: one full rotation loads every scene's layers and shaders.
    const warm = await waitForSceneChanges(page, 4, 30_000)
    expect(new Set(warm).size).toBe(4)
    const start = await heapAfterGc(cdp)
    await waitForSceneChanges(page, 20, 60_000)
    const end = await heapAfterGc(cdp)
    expect((end - start) / start).toBeLessThan(0.2)
    expect(problems).toEqual([])
    await context.close()
  }, 240_000)
})
