import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { TestDatabase } from '@onemap/db/testing'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { createServer } from '@onemap/server/app'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { e2eEnv } from './env.ts'

export const RESULTS_DIR = fileURLToPath(new URL('../test-results', import.meta.url))

/** Flags for Debian's Chromium in a container: no sandbox, software WebGL, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-sync',
  '--no-first-run',
]

export interface Harness {
  origin: string
  db: TestDatabase
  browser: Browser
  close(): Promise<void>
}

/** The real server on a fresh seeded database, listening on a free loopback port, and a browser. */
export async function startHarness(): Promise<Harness> {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const db = await openSeededTestDatabase()
  const app = await createServer({ db, webDist: e2eEnv.ONEMAP_WEB_DIST, logLevel: 'error' })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address !== 'object') throw new Error('server did not report a port')
  // playwright's launch() gives every browser a fresh temporary profile (user-data dir).
  const browser = await chromium.launch({ executablePath: e2eEnv.CHROMIUM_PATH, args: CHROMIUM_ARGS })
  return {
    origin: `http://127.0.0.1:${address.port}`,
    db,
    browser,
    async close() {
      await browser.close()
      await app.close()
      await db.close()
    },
  }
}

/** What a page did that a test must fail on: console errors, page errors, requests to other hosts. */
export interface PageWatch {
  page: Page
  context: BrowserContext
  problems: string[]
}

export async function openPage(h: Harness, viewport = { width: 1280, height: 800 }): Promise<PageWatch> {
  const context = await h.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`)
  })
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  context.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(`${h.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`foreign request: ${url}`)
  })
  return { page, context, problems }
}

/** Waits until the map has drawn once completely (the app marks its first idle). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('onemap:first-map-idle').length > 0, undefined, {
    timeout: 60_000,
  })
}

/** RGBA of one pixel of a PNG screenshot, decoded by the browser itself in a blank page. */
export async function pixelsOf(
  context: BrowserContext,
  png: Buffer,
  points: readonly [number, number][],
): Promise<number[][]> {
  const page = await context.newPage()
  try {
    return await page.evaluate(
      async ({ data, points }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
        ctx.drawImage(bitmap, 0, 0)
        return points.map(([x, y]) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data])
      },
      { data: png.toString('base64'), points },
    )
  } finally {
    await page.close()
  }
}

/** Web Mercator pixel offset of a position from the map centre, as MapLibre (512-px world tiles) draws it. */
export function pixelOffset(center: [number, number], zoom: number, position: [number, number]): [number, number] {
  const world = 512 * 2 ** zoom
  const x = (lon: number) => ((lon + 180) / 360) * world
  const y = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180)
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world
  }
  return [x(position[0]) - x(center[0]), y(position[1]) - y(center[1])]
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}
