import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FACILITY_STATUS_COLOURS } from '@onemap/domain/values'
import { facilities, type FacilityFeature } from './api.ts'
import { axeViolations } from './axe.ts'
import {
  type Harness,
  hexToRgb,
  openPage,
  pixelOffset,
  pixelsOf,
  RESULTS_DIR,
  startHarness,
  waitForMapIdle,
} from './harness.ts'

let h: Harness
let all: FacilityFeature[]

beforeAll(async () => {
  h = await startHarness()
  all = await facilities(h)
})
afterAll(async () => {
  await h?.close()
})

const shot = (name: string) => join(RESULTS_DIR, `${name}.png`)
const HAN = /\p{Script=Han}/u

// Each case opens its own page on the shared read-only server.
describe('public site', () => {
  it('loads with no console error and no request to any other host', async () => {
    const { page, context, problems } = await openPage(h)
    await page.goto(`${h.origin}/`)
    await waitForMapIdle(page)
    await page.getByTestId('headline-facilities').waitFor()
    await page.locator('[data-facility-id]').first().waitFor()
    // Programme items by default; the rest behind the toggle (public-goal.test.ts).
    expect(await page.locator('[data-facility-id]').count()).toBe(all.filter((f) => f.properties.in_programme).length)
    await page.screenshot({ path: shot('public-desktop') })
    expect(problems).toEqual([])
    await context.close()
  })

  it('draws facility markers on the map canvas where the facilities are', async () => {
    const { page, context, problems } = await openPage(h, { width: 1000, height: 800 })
    const [target, ...others] = all
    if (!target) throw new Error('the seeded database holds no facility')
    const [lon, lat] = target.geometry.coordinates
    const zoom = 15
    await page.goto(`${h.origin}/#${zoom}/${lat}/${lon}`)
    await waitForMapIdle(page)
    await page.locator('[data-facility-id]').first().waitFor()
    // The map marks when it has drawn the facilities' data (use-geojson-layers.ts).
    await page.locator('.map-canvas[data-drawn-public-facilities]').waitFor()
    const canvas = page.locator('.map-canvas canvas.maplibregl-canvas')
    const box = await canvas.boundingBox()
    if (!box) throw new Error('no map canvas')
    const png = await canvas.screenshot({ path: shot('map-canvas') })
    const centre: [number, number] = [box.width / 2, box.height / 2]
    // The kind pictogram (white) fills the marker's middle: read the status colour 8 px below it.
    const onMarker = (x: number, y: number): [number, number] => [x, y + 8]
    const neighbour = others.find((f) => {
      const [dx, dy] = pixelOffset([lon, lat], zoom, f.geometry.coordinates)
      return Math.abs(dx) < box.width / 2 - 20 && Math.abs(dy) < box.height / 2 - 20 && Math.hypot(dx, dy) > 40
    })
    const points: [number, number][] = [onMarker(...centre), [centre[0] + 45, centre[1] + 45]]
    if (neighbour) {
      const [dx, dy] = pixelOffset([lon, lat], zoom, neighbour.geometry.coordinates)
      points.push(onMarker(centre[0] + dx, centre[1] + dy))
    }
    const [atTarget, beside, atNeighbour] = await pixelsOf(context, png, points)
    const near = (rgba: number[] | undefined, hex: string) => {
      const rgb = hexToRgb(hex)
      return !!rgba && rgb.every((c, i) => Math.abs(c - (rgba[i] as number)) <= 24)
    }
    const colourOf = (f: FacilityFeature) =>
      FACILITY_STATUS_COLOURS[f.properties.status as keyof typeof FACILITY_STATUS_COLOURS]
    expect(near(atTarget, colourOf(target)), `centre pixel ${atTarget} vs ${colourOf(target)}`).toBe(true)
    expect(near(beside, colourOf(target)), `pixel beside the marker ${beside}`).toBe(false)
    if (neighbour)
      expect(near(atNeighbour, colourOf(neighbour)), `neighbour ${neighbour.properties.id} pixel ${atNeighbour}`).toBe(
        true,
      )
    expect(problems).toEqual([])
    await context.close()
  })

  it('search → card → permalink → reload shows the same facility', async () => {
    const { page, context, problems } = await openPage(h)
    const target = all.find((f) => f.properties.in_programme && f.properties.name_zh.length >= 3)
    if (!target) throw new Error('no programme facility')
    await page.goto(`${h.origin}/`)
    await page.getByLabel('搜索设施、道路或街道').fill(target.properties.name_zh.slice(0, 3))
    const link = page.locator(`[data-facility-id="${target.properties.id}"]`)
    await link.click()
    const card = page.getByTestId('facility-card')
    await expect.poll(() => card.locator('h2').textContent()).toBe(target.properties.name_zh)
    expect(new URL(page.url()).pathname).toBe(`/facility/${target.properties.id}`)
    const permalink = await page.getByTestId('permalink').getAttribute('href')
    expect(permalink).toBe(`${h.origin}/facility/${target.properties.id}?lang=zh`)
    await page.goto(permalink as string)
    await expect
      .poll(() => page.getByTestId('facility-card').locator('h2').textContent())
      .toBe(target.properties.name_zh)
    await page.reload()
    await expect
      .poll(() => page.getByTestId('facility-card').locator('h2').textContent())
      .toBe(target.properties.name_zh)
    await waitForMapIdle(page)
    await page.screenshot({ path: shot('facility-card') })
    expect(problems).toEqual([])
    await context.close()
  })

  it('switching to English changes every visible string', async () => {
    const { page, context, problems } = await openPage(h)
    const target = all[0] as FacilityFeature
    await page.goto(`${h.origin}/facility/${target.properties.id}`)
    await page.getByTestId('facility-card').waitFor()
    await page.getByTestId('headline-facilities').waitFor()
    const zhText = await page.locator('body').innerText()
    expect(zhText).toMatch(HAN)
    await page.getByRole('button', { name: '切换到英文' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    const enLines = (await page.locator('body').innerText())
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    // The sample badge is deliberately bilingual and the switch names the other language in itself.
    const allowed = ['示例数据 · sample data', '中文']
    const stillChinese = enLines.filter((l) => HAN.test(allowed.reduce((rest, a) => rest.replace(a, ''), l)))
    expect(stillChinese).toEqual([])
    expect(enLines).toContain(target.properties.name_en)
    // Map labels are re-laid out in English; the map marks when it has drawn them (MapCanvas.tsx).
    await page.locator('.map-canvas[data-label-language="en"]').waitFor()
    await page.screenshot({ path: shot('facility-card-en') })
    expect(problems).toEqual([])
    await context.close()
  })

  it('fits a 375 px phone with no horizontal scroll', async () => {
    const { page, context, problems } = await openPage(h, { width: 375, height: 812 })
    await page.goto(`${h.origin}/facility/${(all[0] as FacilityFeature).properties.id}`)
    await page.getByTestId('facility-card').waitFor()
    await waitForMapIdle(page)
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }))
    expect(widths.scroll).toBeLessThanOrEqual(widths.client)
    await page.screenshot({ path: shot('phone-375'), fullPage: true })
    expect(problems).toEqual([])
    await context.close()
  })

  it('keyboard alone reaches and opens a facility card', async () => {
    const { page, context, problems } = await openPage(h)
    await page.goto(`${h.origin}/`)
    await page.locator('[data-facility-id]').first().waitFor()
    let focusedId: string | null = null
    for (let i = 0; i < 80 && !focusedId; i++) {
      await page.keyboard.press('Tab')
      focusedId = await page.evaluate(() => document.activeElement?.getAttribute('data-facility-id') ?? null)
    }
    expect(focusedId).not.toBeNull()
    await page.keyboard.press('Enter')
    const card = page.getByTestId('facility-card')
    await card.waitFor()
    // The card's heading takes focus, so a screen reader announces the facility that opened.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('card-title')
    expect(new URL(page.url()).pathname).toBe(`/facility/${focusedId}`)
    expect(problems).toEqual([])
    await context.close()
  })

  it('keeps the one map when moving between modes', async () => {
    const { page, context, problems } = await openPage(h)
    await page.goto(`${h.origin}/`)
    await waitForMapIdle(page)
    await page.locator('.map-canvas canvas.maplibregl-canvas').evaluate((el) => el.setAttribute('data-original', 'yes'))
    await page.getByRole('link', { name: '规划工作台' }).click()
    await page.getByRole('heading', { name: '规划工作台' }).waitFor()
    await page.getByRole('link', { name: '建设进展' }).first().click()
    await page.locator('[data-facility-id]').first().waitFor()
    expect(await page.locator('.map-canvas canvas.maplibregl-canvas[data-original="yes"]').count()).toBe(1)
    expect(await page.locator('.map-canvas canvas.maplibregl-canvas').count()).toBe(1)
    // The public page draws with MapLibre alone (no deck.gl canvas), cards included.
    expect(await page.locator('.map-canvas canvas').count()).toBe(1)
    expect(problems).toEqual([])
    await context.close()
  })

  it('meets WCAG 2.1 AA by axe-core: Chinese, English, 375 px, and with a card open', async () => {
    const { page, context, problems } = await openPage(h)
    await page.goto(`${h.origin}/`)
    await waitForMapIdle(page)
    await page.locator('[data-facility-id]').first().waitFor()
    await page.getByTestId('headline-facilities').waitFor()
    const found: Record<string, string[]> = { zh: await axeViolations(page) }
    await page.getByRole('button', { name: '切换到英文' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    found.en = await axeViolations(page)
    // axe has no rule for it, but the focusable map canvas must be named in the page's language too.
    const canvasLabel = () => page.locator('.map-canvas canvas.maplibregl-canvas').getAttribute('aria-label')
    expect(await canvasLabel()).toMatch(/^Map canvas/)
    await page.setViewportSize({ width: 375, height: 812 })
    await page.goto(`${h.origin}/facility/${(all[0] as FacilityFeature).properties.id}`)
    await page.getByTestId('facility-card').locator('h2').waitFor()
    await page.getByTestId('headline-facilities').waitFor()
    found.phoneCard = await axeViolations(page)
    // The card again on a desktop, back in Chinese, so the card is checked in both languages.
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: 'Switch to Chinese' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    found.desktopCardZh = await axeViolations(page)
    expect(await canvasLabel()).toMatch(/^地图画布/)
    expect(found).toEqual({ zh: [], en: [], phoneCard: [], desktopCardZh: [] })
    expect(problems).toEqual([])
    await context.close()
  })
})
