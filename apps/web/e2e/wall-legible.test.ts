import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFinished } from 'vitest'
import { RESULTS_DIR } from './harness.ts'
import { openWall, useWallHarness } from './wall-support.ts'

const wall = useWallHarness()

const shot = (name: string) => join(RESULTS_DIR, `${name}.png`)
// The wall's basemap label colour for sub-district names (dark-basemap.ts).
const LABEL_RGB = [0xd6, 0xe2, 0xee] as const

/** Every visible text on the stage whose computed size is under `min` px (stage units: the stage is scaled by a transform). */
function smallTexts(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = []
    const stage = document.querySelector('[data-testid="wall-stage"]') as HTMLElement
    const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const el = node.parentElement
      if (!text || !el) continue
      const style = getComputedStyle(el)
      const box = el.getBoundingClientRect()
      if (
        style.visibility === 'hidden' ||
        box.width === 0 ||
        box.height === 0 ||
        box.bottom < 0 ||
        box.top > innerHeight
      )
        continue
      const size = parseFloat(style.fontSize)
      if (!(size >= min))
        out.push(
          `${size}px "${text.slice(0, 30)}" in <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`,
        )
    }
    return out
  }, min)
}

/**
 * Pixels of the map's label colour inside the map window (labels drawn by MapLibre at the configured
 * size), counted on the screenshot shrunk by `shrink`: a 4K screenshot shrunk by 2 holds as many label
 * pixels as the 1080p one only if the labels are twice as tall (and as wide) at 4K.
 */
async function labelPixels(page: Page, shrink: number) {
  const region = await page.locator('.wall-map-window').boundingBox()
  if (!region) throw new Error('no map window')
  const png = await page.screenshot({ clip: region })
  const check = await page.context().newPage()
  try {
    return await check.evaluate(
      async ({ data, shrink, rgb }) => {
        const full = await createImageBitmap(
          new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'image/png' }),
        )
        const small = await createImageBitmap(full, {
          resizeWidth: Math.round(full.width / shrink),
          resizeHeight: Math.round(full.height / shrink),
          resizeQuality: 'high',
        })
        const canvas = new OffscreenCanvas(small.width, small.height)
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
        ctx.drawImage(small, 0, 0)
        const px = ctx.getImageData(0, 0, small.width, small.height).data
        let n = 0
        for (let i = 0; i < px.length; i += 4) {
          if (
            Math.abs((px[i] ?? 0) - rgb[0]) <= 40 &&
            Math.abs((px[i + 1] ?? 0) - rgb[1]) <= 40 &&
            Math.abs((px[i + 2] ?? 0) - rgb[2]) <= 40
          )
            n++
        }
        return n
      },
      { data: png.toString('base64'), shrink, rgb: LABEL_RGB },
    )
  } finally {
    await check.close()
  }
}

describe('wall at 1080p and 4K', () => {
  it('shows the same picture at 4K, map labels twice as tall, and no text under 20 px anywhere on the stage', async () => {
    const seen: Record<string, { pixels: number; zoom: string | null; mapWidth: number }> = {}
    for (const [width, height] of [
      [1920, 1080],
      [3840, 2160],
    ] as const) {
      const { page, context, problems } = await openWall(wall.h, '?scenes=roads&interval=600', { width, height })
      onTestFinished(() => context.close())
      await page.locator('.map-canvas[data-camera="still"]').waitFor({ timeout: 60_000 })
      // The takeaway needs the alarms; the chart its timeline (both read after the map is ready).
      await page.locator('[data-testid="scene-takeaway"]', { hasText: /\d/ }).waitFor()
      await page.locator('[data-testid="progress-chart"] text').first().waitFor()
      await page.screenshot({ path: shot(`wall-roads-${width}x${height}`) })
      expect(await smallTexts(page, 20)).toEqual([])
      const map = await page
        .locator('.map-canvas')
        .evaluate((el) => ({ width: el.getBoundingClientRect().width, css: (el as HTMLElement).clientWidth }))
      seen[width] = {
        pixels: await labelPixels(page, width / 1920),
        zoom: await page.evaluate(() => location.hash),
        mapWidth: map.width / map.css,
      }
      // Nothing of the map outside the window: the map's box is the window's inside.
      const win = await page.locator('.wall-map-window').boundingBox()
      const canvas = await page.locator('.map-canvas').boundingBox()
      expect(canvas!.x).toBeGreaterThanOrEqual(win!.x)
      expect(canvas!.y).toBeGreaterThanOrEqual(win!.y)
      expect(canvas!.x + canvas!.width).toBeLessThanOrEqual(win!.x + win!.width + 0.5)
      expect(canvas!.y + canvas!.height).toBeLessThanOrEqual(win!.y + win!.height + 0.5)
      expect(problems).toEqual([])
      await context.close()
    }
    const [hd, uhd] = [seen[1920]!, seen[3840]!]
    // Same camera (the map is laid out in stage units at both sizes), drawn twice as large.
    expect(uhd.zoom).toBe(hd.zoom)
    expect(uhd.mapWidth / hd.mapWidth).toBeCloseTo(2, 5)
    // Shrunk by 2, the 4K labels cover as many pixels as the 1080p ones: they are 2× as tall at 4K.
    // Label height ratio = 2 × √(area ratio after shrinking), within ±10 %.
    expect(hd.pixels).toBeGreaterThan(200)
    const heightRatio = 2 * Math.sqrt(uhd.pixels / hd.pixels)
    console.log(`map label height 4K / 1080p: ${heightRatio.toFixed(2)} (${uhd.pixels} / ${hd.pixels} label pixels)`)
    expect(heightRatio).toBeGreaterThan(1.8)
    expect(heightRatio).toBeLessThan(2.2)
  }, 600_000)

  it('explains every scene: a legend named 图例, a title and a takeaway from the data', async () => {
    // Scenes every 4 s keep the camera flying, so the map may never hold still long enough to mark itself
    // ready on a loaded machine; legends and takeaways need only the data.
    const { page, context, problems } = await openWall(wall.h, '?interval=4', undefined, { ready: false })
    onTestFinished(() => context.close())
    await page.locator('[data-testid="scene-takeaway"]', { hasText: /\d/ }).waitFor({ timeout: 120_000 })
    const seen = new Set<string>()
    while (seen.size < 4) {
      const scene = (await page.getByTestId('wall-stage').getAttribute('data-scene')) as string
      if (seen.has(scene)) {
        await page.waitForFunction(
          (s) => document.querySelector('[data-testid="wall-stage"]')?.getAttribute('data-scene') !== s,
          scene,
        )
        continue
      }
      const legendEntries = await page.getByRole('group', { name: '图例' }).locator('li').count()
      const takeaway = (await page.getByTestId('scene-takeaway').textContent())?.trim() ?? ''
      const labels = await page.getByTestId('map-labels').locator('li').allTextContents()
      // The scene may have turned while we read; read it again then.
      if ((await page.getByTestId('wall-stage').getAttribute('data-scene')) !== scene) continue
      expect(legendEntries).toBeGreaterThanOrEqual(2)
      expect(takeaway).toMatch(/\d/)
      if (scene === 'renewal') for (const l of labels) expect(l).toMatch(/\d+%$/)
      if (scene === 'rivers') for (const l of labels) expect(l).toMatch(/河长.*公里/)
      if (scene === 'renewal' || scene === 'rivers') expect(labels.length).toBeGreaterThan(0)
      seen.add(scene)
    }
    expect([...seen].sort()).toEqual(['facilities', 'renewal', 'rivers', 'roads'])
    expect(problems).toEqual([])
    await context.close()
  }, 300_000)

  it('draws as many programme segments on the roads scene as the roads figure counts', async () => {
    const { page, context } = await openWall(wall.h, '?scenes=roads&interval=600')
    onTestFinished(() => context.close())
    const kpi = Number(await page.getByTestId('kpi-road-segments').getAttribute('data-count'))
    const drawn = Number(await page.getByTestId('wall-stage').getAttribute('data-scene-count'))
    const legendTotal = await page
      .getByTestId('scene-legend')
      .locator('li:not(.is-faded) b')
      .allTextContents()
      .then((counts) => counts.reduce((sum, n) => sum + Number(n), 0))
    expect(kpi).toBeGreaterThan(0)
    expect(drawn).toBe(kpi)
    expect(legendTotal).toBe(kpi)
    await context.close()
  }, 240_000)

  it('tells a phone that the wall is made for the operations-centre screen and links to the public map', async () => {
    const { page, context, problems } = await openWall(wall.h, '', { width: 390, height: 844 }, { ready: false })
    onTestFinished(() => context.close())
    await page.getByTestId('wall-small-screen').waitFor()
    expect(await page.getByTestId('wall-stage').count()).toBe(0)
    await page.getByRole('link', { name: '打开公众地图' }).press('Enter')
    // A route change inside the app (no page load): the public mode takes over.
    await page.waitForFunction(() => location.pathname === '/' && document.querySelector('.shell[data-mode="public"]'))
    expect(problems).toEqual([])
    await context.close()
  })
})
