import { parseFeed } from '@rowanmanning/feed-parser'
import { callerAs, PLANNER } from '@onemap/api/testing/fixture'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { facilities, type FacilityFeature, query } from './api.ts'
import { axeViolations } from './axe.ts'
import { type Harness, openPage, pixelOffset, RESULTS_DIR, startHarness, waitForMapIdle } from './harness.ts'
import { viewOf } from './plan-fixture.ts'
import { countColour } from './wall-support.ts'

let h: Harness
let all: FacilityFeature[]
interface Summary {
  today: string
  programme: { windowStart: string; deadline: string; daysToDeadline: number }
  facilities: { planned: number; started: number; ratio: number }
  roads: { plannedM: number; completedM: number; ratio: number }
}

beforeAll(async () => {
  h = await startHarness()
  all = await facilities(h)
})
afterAll(async () => {
  await h?.close()
})

const PHONE = { width: 375, height: 812 }
const DESKTOP = { width: 1280, height: 800 }
const shot = (name: string) => `${RESULTS_DIR}/${name}.png`
// Read per test: the feed test makes an edit, and tests may run in any order.
const progress = () => query<Summary>(h, 'progress.summary')
/** Waits on a real signal for up to 20 s: data and map loads take seconds on a loaded machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 })
const digits = (text: string | null) => (text ?? '').match(/\d+(\.\d+)?/g)?.map(Number) ?? []

async function openHome(page: Page, lang: 'zh' | 'en') {
  await page.goto(`${h.origin}/?lang=${lang}`)
  await page.getByTestId('headline-facilities').waitFor()
  await page.locator('[data-facility-id]').first().waitFor()
}

describe('public site: the goal said plainly', () => {
  for (const [lang, viewport] of [
    ['zh', PHONE],
    ['en', DESKTOP],
    ['en', PHONE],
    ['zh', DESKTOP],
  ] as const) {
    it(`states the promise, the deadline and one bar per goal as progress.summary does (${lang}, ${viewport.width} px)`, async () => {
      const summary = await progress()
      const { page, context, problems } = await openPage(h, viewport)
      await openHome(page, lang)
      const promise = await page.getByTestId('goal-promise').textContent()
      expect(promise).toMatch(
        lang === 'zh'
          ? /2020年8月2日.*修通所有区内规划道路.*全部开工/
          : /2 August 2020.*every planned road.*start construction/,
      )
      const deadline = await page.getByTestId('goal-deadline').textContent()
      expect(deadline).toContain(lang === 'zh' ? '2023年8月2日' : '2 August 2023')
      expect(digits(deadline)).toContain(-summary.programme.daysToDeadline)
      const { facilities: f, roads } = summary
      expect(digits(await page.getByTestId('headline-facilities').textContent())).toEqual([
        f.started,
        f.planned,
        Math.round(f.ratio * 100),
      ])
      expect(await page.getByTestId('bar-facilities').getAttribute('aria-valuenow')).toBe(
        String(Math.round(f.ratio * 100)),
      )
      expect(await page.getByTestId('bar-roads').getAttribute('aria-valuenow')).toBe(
        String(Math.round(roads.ratio * 100)),
      )
      const km = (m: number) => Math.round(m / 100) / 10
      expect(digits(await page.getByTestId('headline-roads').textContent()).slice(0, 2)).toEqual([
        km(roads.completedM),
        km(roads.plannedM),
      ])
      expect(digits(await page.getByTestId('remaining-facilities').textContent())).toEqual([f.planned - f.started])
      expect(digits(await page.getByTestId('remaining-roads').textContent())).toEqual([
        km(roads.plannedM - roads.completedM),
      ])
      if (viewport === PHONE) await page.screenshot({ path: shot(`goal-${lang}-375`) })
      expect(problems).toEqual([])
      await context.close()
    })
  }

  it('lists programme items by default (the headline count); the toggle adds the others; "not started" lists the rest', async () => {
    const summary = await progress()
    const { page, context, problems } = await openPage(h, PHONE)
    await openHome(page, 'zh')
    const rows = page.locator('[data-facility-id]')
    await poll(() => rows.count()).toBe(summary.facilities.planned)
    expect(digits(await page.getByTestId('list-count').textContent())).toEqual([summary.facilities.planned])
    await page.getByTestId('include-others').check()
    await poll(() => rows.count()).toBe(all.length)
    await page.getByTestId('include-others').uncheck()
    await poll(() => rows.count()).toBe(summary.facilities.planned)
    await page.getByTestId('remaining-facilities').click()
    await poll(() => rows.count()).toBe(summary.facilities.planned - summary.facilities.started)
    expect(await axeViolations(page)).toEqual([])
    await page.getByTestId('remaining-roads').click()
    const roads = page.getByTestId('roads-not-built').locator('[data-road-id]')
    await poll(() => roads.count()).toBeGreaterThan(0)
    // Every road listed is a programme road; its card opens from the list.
    const roadId = await roads.first().getAttribute('data-road-id')
    await roads.first().click()
    await page.getByTestId('road-card').waitFor()
    expect(new URL(page.url()).pathname).toBe(`/road/${roadId}`)
    expect(problems).toEqual([])
    await context.close()
  })

  it('a card says in-programme or not, baseline vs actual dates, lateness in days, and no 预计竣工 once finished', async () => {
    const { page, context, problems } = await openPage(h, DESKTOP)
    const suspended = all.find(
      (f) => f.properties.in_programme && f.properties.status === 'suspended',
    ) as FacilityFeature
    await page.goto(`${h.origin}/facility/${suspended.properties.id}`)
    const card = page.getByTestId('facility-card')
    await card.waitFor()
    expect(await card.getByTestId('programme-badge').textContent()).toBe('列入三年计划')
    await poll(() => card.getByTestId('lateness').textContent()).toMatch(/^暂停中，比计划晚 \d+ 天$/)
    expect(await card.getByTestId('expected-completion').count()).toBe(1)
    const finished = all.find(
      (f) => !f.properties.in_programme && f.properties.status === 'in_service',
    ) as FacilityFeature
    await page.goto(`${h.origin}/facility/${finished.properties.id}`)
    await poll(() => card.locator('h2').textContent()).toBe(finished.properties.name_zh)
    expect(await card.getByTestId('programme-badge').textContent()).toBe('三年计划外')
    expect(await card.getByTestId('expected-completion').count()).toBe(0)
    expect(await card.getByTestId('planned-start').textContent()).toBe('—')
    expect(await card.textContent()).toContain('不在三年计划内，没有公布计划日期')
    expect(await card.textContent()).not.toContain('未定')
    expect(problems).toEqual([])
    await context.close()
  })
})

describe('public site: roads, phone and following', () => {
  it('a road tapped on the map opens its card; its permalink reloads with the road highlighted and the card in view', async () => {
    const segments = await query<{
      features: {
        geometry: { coordinates: [number, number][] }
        properties: { road_id: string; in_programme: boolean }
      }[]
    }>(h, 'features.query', { layer: 'road_segments', limit: 5000 })
    const target =
      segments.features.find((s) => s.properties.in_programme && s.geometry.coordinates.length === 2) ??
      segments.features[0]
    if (!target) throw new Error('no road segment')
    const [[x1, y1], [x2, y2]] = target.geometry.coordinates as [[number, number], [number, number]]
    const { page, context, problems } = await openPage(h, PHONE)
    await page.goto(`${h.origin}/#17/${(y1 + y2) / 2}/${(x1 + x2) / 2}`)
    await waitForMapIdle(page)
    await page.locator('[data-facility-id]').first().waitFor()
    const canvas = page.locator('.map-canvas canvas.maplibregl-canvas')
    const box = await canvas.boundingBox()
    if (!box) throw new Error('no map canvas')
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } })
    const card = page.getByTestId('road-card')
    await card.waitFor()
    expect(new URL(page.url()).pathname).toBe(`/road/${target.properties.road_id}`)
    const permalink = (await page.getByTestId('permalink').getAttribute('href')) as string
    expect(permalink).toBe(`${h.origin}/road/${target.properties.road_id}?lang=zh`)
    await page.goto(permalink)
    await page.reload()
    await card.waitFor()
    await poll(() => page.locator('.map-canvas').getAttribute('data-highlighted-road')).toBe(target.properties.road_id)
    // The card is a bottom sheet: its heading is on screen without scrolling.
    const heading = await card.locator('h2').boundingBox()
    expect(heading && heading.y >= 0 && heading.y + heading.height <= PHONE.height).toBe(true)
    await page.screenshot({ path: shot('road-card-375') })
    expect(await axeViolations(page)).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  })

  it('on a phone a tapped facility opens a card on screen at once, the map keeps it in view, and the open legend stays small', async () => {
    const { page, context, problems } = await openPage(h, PHONE)
    await openHome(page, 'en')
    await waitForMapIdle(page)
    const legend = page.getByTestId('legend')
    await legend.locator('summary').click()
    const map = await page.locator('.map-region').boundingBox()
    const open = await legend.boundingBox()
    if (!map || !open) throw new Error('no map or legend box')
    expect((open.width * open.height) / (map.width * map.height)).toBeLessThan(1 / 3)
    await legend.locator('summary').click()
    const last = page.locator('[data-facility-id]').last()
    await last.scrollIntoViewIfNeeded()
    const tapped = Date.now()
    await last.click()
    const heading = page.getByTestId('facility-card').locator('h2')
    await heading.waitFor()
    const openedMs = Date.now() - tapped
    const box = await heading.boundingBox()
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true)
    // The ring sits on the facility above the sheet: the map's centre is in view, not under the card.
    const sheet = await page.getByTestId('facility-card').boundingBox()
    const region = await page.locator('.map-region').boundingBox()
    if (!sheet || !region) throw new Error('no sheet or map box')
    expect(region.y + region.height / 2).toBeLessThan(sheet.y)
    expect(region.y + region.height / 2).toBeGreaterThan(0)
    console.log(`card opened ${openedMs} ms after the tap (Playwright round trips included)`)
    await page.keyboard.press('Escape')
    await poll(() => page.getByTestId('facility-card').count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })

  it('near me sorts by distance from a mocked position; a refusal or a position outside the zone says so', async () => {
    const target = all.find((f) => f.properties.in_programme) as FacilityFeature
    const [lon, lat] = target.geometry.coordinates
    const summary = await progress()
    const granted = await h.browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      permissions: ['geolocation'],
      geolocation: { longitude: lon + 0.0005, latitude: lat },
    })
    const page = await granted.newPage()
    await openHome(page, 'zh')
    await page.getByTestId('near-me').click()
    // The list is sorted once every card shows its distance (the target may already head the unsorted list).
    await poll(() => page.getByTestId('distance').count()).toBe(summary.facilities.planned)
    await poll(() => page.locator('[data-facility-id]').first().getAttribute('data-facility-id')).toBe(
      target.properties.id,
    )
    const distances = (await page.getByTestId('distance').allTextContents()).map((t) => digits(t)[0] as number)
    expect(distances.length).toBe(summary.facilities.planned)
    expect([...distances].sort((a, b) => a - b)).toEqual(distances)
    // The map draws the reader and the 1 km circle around them (two features), and has brought them into view.
    await page.locator('.map-canvas[data-drawn-public-near-me="2"]').waitFor()
    const mapBox = (await page.locator('.map-canvas').boundingBox())!
    const reader: [number, number] = [lon + 0.0005, lat]
    // 1 km in degrees of latitude and of longitude here (spherical: plenty for a view check).
    const dLat = (1 / 6371) * (180 / Math.PI)
    const dLon = dLat / Math.cos((lat * Math.PI) / 180)
    await poll(async () => {
      const { zoom, center } = viewOf(page)
      const [dx, dy] = [0, 1].map((axis) => (p: [number, number]) => pixelOffset(center, zoom, p)[axis]!)
      const [north, south] = [dy!([reader[0], lat + dLat]), dy!([reader[0], lat - dLat])]
      const [east, west] = [dx!([reader[0] + dLon, lat]), dx!([reader[0] - dLon, lat])]
      // The whole circle on the map, and drawn large: at least a third of the map's width across.
      const inside =
        Math.max(Math.abs(north), Math.abs(south)) <= mapBox.height / 2 &&
        Math.max(Math.abs(east), Math.abs(west)) <= mapBox.width / 2
      return inside && east - west >= mapBox.width / 3
    }).toBe(true)
    const png = await page.locator('.map-canvas').screenshot({ path: shot('near-me-375') })
    // The reader's dot is drawn over the facility beside it and every line: its blue fills its middle.
    const { zoom, center } = viewOf(page)
    const [rx, ry] = pixelOffset(center, zoom, reader)
    const dot = { x: mapBox.width / 2 + rx! - 4, y: mapBox.height / 2 + ry! - 4, width: 8, height: 8 }
    expect(await countColour(granted, png, dot, [0x1d, 0x4e, 0xd8])).toBeGreaterThanOrEqual(40)
    // The legend names the dot and the circle while they are shown.
    expect(await page.getByTestId('legend-near').textContent()).toBe('你的位置周围 1 公里')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: '不再按距离排序' }).click()
    await page.locator('.map-canvas[data-drawn-public-near-me="0"]').waitFor()
    expect(await page.getByTestId('legend-near').count()).toBe(0)
    await granted.close()

    const { page: refused, context, problems } = await openPage(h, PHONE)
    await openHome(refused, 'en')
    await refused.getByTestId('near-me').click()
    await poll(() => refused.getByTestId('near-message').textContent()).toMatch(/^Location permission was not given/)
    const away = await h.browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      permissions: ['geolocation'],
      geolocation: { longitude: 113.3, latitude: 34.75 },
    })
    const outside = await away.newPage()
    await openHome(outside, 'zh')
    await outside.getByTestId('near-me').click()
    await poll(() => outside.getByTestId('near-message').textContent()).toBe(
      '你的位置不在高新区内，列表没有按距离排序。',
    )
    expect(await outside.getByTestId('distance').count()).toBe(0)
    await away.close()
    expect(problems).toEqual([])
    await context.close()
  })

  it('advertises a valid Atom feed that carries a new edit, and each card links its own', async () => {
    const { page, context, problems } = await openPage(h, DESKTOP)
    await openHome(page, 'en')
    const href = (await page
      .locator('link[rel="alternate"][type="application/atom+xml"]')
      .first()
      .getAttribute('href')) as string
    expect(href).toBe('/feeds/programme.atom?lang=en')
    const read = async (url: string) => parseFeed(await (await fetch(`${h.origin}${url}`)).text())
    const before = await read(href)
    // Statuses as they are now (\`all\` is read once per file): a retry picks a facility still planned.
    const target = (await facilities(h)).find(
      (f) => f.properties.in_programme && f.properties.status === 'planned',
    ) as FacilityFeature
    const version = (
      await h.db.query<{ version: number }>('SELECT version FROM facilities WHERE id = $1', [target.properties.id])
    ).rows[0]?.version as number
    await callerAs(h.db, PLANNER, new Date()).edits.setStatus({
      entity: 'facility',
      id: target.properties.id,
      expectedVersion: version,
      to: 'started',
      at: '2026-11-20',
      note: 'e2e',
    })
    const after = await read(href)
    expect(after.items.length).toBe(Math.min(before.items.length + 1, 50))
    expect(after.items[0]?.title).toBe(`${target.properties.name_en}: Planned → Started`)
    await page.goto(`${h.origin}/facility/${target.properties.id}?lang=en`)
    const feedLink = page.getByTestId('card-feed')
    expect(await feedLink.getAttribute('href')).toBe(`/feeds/facility/${target.properties.id}.atom?lang=en`)
    expect((await read((await feedLink.getAttribute('href')) as string)).items[0]?.title).toBe(
      `${target.properties.name_en}: Planned → Started`,
    )
    expect(await axeViolations(page)).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  })

  it('search finds roads and sub-districts too; a sub-district filter offers its own feed', async () => {
    const { page, context, problems } = await openPage(h, PHONE)
    await openHome(page, 'zh')
    const search = page.getByLabel('搜索设施、道路或街道')
    await search.fill('枫杨')
    await page.getByRole('button', { name: '只看 枫杨街道 的设施' }).click()
    await poll(() => search.inputValue()).toBe('')
    const feed = page.getByTestId('sub-district-feed')
    const href = (await feed.getAttribute('href')) as string
    expect(href).toMatch(/^\/feeds\/sub-district\/\d{9}\.atom\?lang=zh$/)
    const xml = await (await fetch(`${h.origin}${href}`)).text()
    expect(parseFeed(xml).title).toBe('高新一张图 · 枫杨街道 建设进展')
    await search.fill('枫香')
    const roads = page.getByTestId('road-matches').locator('[data-road-id]')
    await poll(() => roads.count()).toBe(1)
    await roads.first().click()
    await poll(() => page.getByTestId('road-card').locator('h2').textContent()).toBe('枫香街')
    expect(await axeViolations(page)).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  })

  it('a copied English link opens in English for someone else', async () => {
    const { page, context, problems } = await openPage(h, PHONE)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const target = all[0] as FacilityFeature
    await page.goto(`${h.origin}/facility/${target.properties.id}`)
    await page.getByRole('button', { name: '切换到英文' }).click()
    await page.getByRole('button', { name: 'Copy link' }).click()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(`${h.origin}/facility/${target.properties.id}?lang=en`)
    // A stranger: a fresh browser context with a Chinese locale and nothing stored.
    const other = await openPage(h, PHONE)
    await other.page.goto(copied)
    await poll(() => other.page.getByTestId('facility-card').locator('h2').textContent()).toBe(
      target.properties.name_en,
    )
    expect(await other.page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect([...problems, ...other.problems]).toEqual([])
    await other.context.close()
    await context.close()
  })

  it('open data page links each layer and the OGC endpoint; /wall on a phone leads back', async () => {
    const { page, context, problems } = await openPage(h, PHONE)
    await page.goto(`${h.origin}/`)
    await page.getByRole('link', { name: '数据下载' }).click()
    await page.getByTestId('open-data').waitFor()
    const geojson = (await page.getByTestId('download-facilities-geojson').getAttribute('href')) as string
    const fc = (await (await fetch(`${h.origin}${geojson}`)).json()) as { features: unknown[] }
    expect(fc.features.length).toBe(all.length)
    expect(await page.getByRole('link', { name: `${h.origin}/ogc` }).count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: shot('open-data-375'), fullPage: true })
    // Staff screens are not in the public navigation, only in the footer.
    expect(await page.getByRole('navigation').getByRole('link', { name: '大屏' }).count()).toBe(0)
    await page.goto(`${h.origin}/wall`)
    await page.getByTestId('small-screen-notice').waitFor()
    await page.getByRole('link', { name: '返回建设进展地图' }).click()
    await page.getByTestId('headline-facilities').waitFor()
    expect(problems).toEqual([])
    await context.close()
  })
})
