import { layerHubFor } from '@onemap/api/layer-hub'
import { liveHubFor } from '@onemap/api/live-hub'
import { hashPassword } from '@onemap/api/passwords'
import type { Database } from '@onemap/db/database'
import { createAccount } from '@onemap/db/queries/accounts'
import { createServer } from '@onemap/server/app'
import type { TestDatabase } from '@onemap/db/testing'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, vi } from 'vitest'
import { e2eEnv } from './env.ts'
import { CHROMIUM_ARGS, type Harness, openPage, type PageWatch } from './harness.ts'

/** A server of the wall tests that can be stopped and started again on the same port and database. */
export interface RestartableServer {
  origin: string
  stop(): Promise<void>
  /** Starts it again; does nothing while it runs. */
  start(): Promise<void>
}

export async function restartableServer(db: Database): Promise<RestartableServer> {
  let app: Awaited<ReturnType<typeof createServer>> | null = null
  let port = 0
  const start = async () => {
    if (app) return
    app = await createServer({ db, webDist: e2eEnv.ONEMAP_WEB_DIST, logLevel: 'error' })
    await app.listen({ host: '127.0.0.1', port })
    const address = app.server.address()
    if (!address || typeof address !== 'object') throw new Error('server did not report a port')
    port = address.port
  }
  await start()
  return {
    origin: `http://127.0.0.1:${port}`,
    start,
    async stop() {
      if (!app) return
      const closing = app.close()
      // Open SSE streams would hold close() forever; a crashed or restarted server drops them too.
      app.server.closeAllConnections()
      await closing
      app = null
    },
  }
}

/** Creates a planner (or admin) account and signs in; returns the session cookie for API calls. */
export async function plannerCookie(
  db: Database,
  origin: string,
  role: 'planner' | 'admin' = 'planner',
): Promise<string> {
  const name = `wall-${role}-${Date.now()}`
  await createAccount(db, { name, role, passwordHash: await hashPassword('wall-planner-password') })
  const res = await fetch(`${origin}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'wall-planner-password' }),
  })
  if (!res.ok) throw new Error(`login answered ${res.status}: ${await res.text()}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string
}

/** A tRPC mutation over HTTP with the planner's cookie, as the planner workbench would send it. */
export async function mutate<T>(origin: string, cookie: string, path: string, input: unknown): Promise<T> {
  const res = await fetch(`${origin}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  })
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { result: { data: T } }).result.data
}

/** JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

/** Waits until the stage has shown `count` more scene changes, observing its data-scene attribute in the page. */
export async function waitForSceneChanges(page: Page, count: number, timeoutMs: number): Promise<string[]> {
  return page.getByTestId('wall-stage').evaluate(
    (stage, { count, timeoutMs }) =>
      new Promise<string[]>((resolve, reject) => {
        const seen: string[] = []
        let last = stage.getAttribute('data-scene')
        const observer = new MutationObserver(() => {
          const now = stage.getAttribute('data-scene')
          if (now && now !== last) seen.push((last = now))
          if (seen.length < count) return
          observer.disconnect()
          clearTimeout(deadline)
          resolve(seen)
        })
        const deadline = setTimeout(() => {
          observer.disconnect()
          reject(new Error(`only ${seen.length} of ${count} scene changes in ${timeoutMs} ms`))
        }, timeoutMs)
        observer.observe(stage, { attributes: true, attributeFilter: ['data-scene'] })
      }),
    { count, timeoutMs },
  )
}

/**
 * Waits until at least `count` live subscriptions of this server process listen for status changes and
 * layer versions: each hub's subscribers besides the probe this adds, which resolves once the hub's
 * database connection listens.
 */
export async function waitForLiveSubscribers(db: Database, count = 1): Promise<void> {
  for (const hub of [liveHubFor(db), layerHubFor(db)]) {
    const stopProbe = await hub.subscribe(() => {})
    try {
      await vi.waitFor(() => expect(hub.subscriberCount - 1).toBeGreaterThanOrEqual(count), { timeout: 30_000 })
    } finally {
      stopProbe()
    }
  }
}

/** How many pixels of a PNG within `rect` are within `tolerance` of `rgb` (decoded by the browser). */
export async function countColour(
  context: BrowserContext,
  png: Buffer,
  rect: { x: number; y: number; width: number; height: number },
  rgb: readonly [number, number, number],
  tolerance = 24,
): Promise<number> {
  const page = await context.newPage()
  try {
    return await page.evaluate(
      async ({ data, rect, rgb, tolerance }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
        ctx.drawImage(bitmap, 0, 0)
        const px = ctx.getImageData(
          Math.round(rect.x),
          Math.round(rect.y),
          Math.round(rect.width),
          Math.round(rect.height),
        ).data
        let n = 0
        for (let i = 0; i < px.length; i += 4) {
          if (
            Math.abs((px[i] ?? 0) - rgb[0]) <= tolerance &&
            Math.abs((px[i + 1] ?? 0) - rgb[1]) <= tolerance &&
            Math.abs((px[i + 2] ?? 0) - rgb[2]) <= tolerance
          )
            n++
        }
        return n
      },
      { data: png.toString('base64'), rect, rgb, tolerance },
    )
  } finally {
    await page.close()
  }
}

/** Opens the wall and (unless `ready: false`) waits for its figures, the map's first complete drawing and the ticker. */
export async function openWall(
  h: Harness,
  search: string,
  viewport = { width: 1920, height: 1080 },
  { ready = true } = {},
): Promise<PageWatch> {
  const watch = await openPage(h, viewport)
  await watch.page.goto(`${h.origin}/wall${search}`)
  if (!ready) return watch
  // The wall never lets the map go idle (it animates), so it marks when style and tiles are in.
  // Software WebGL on a shared machine can take a minute and more for the first frame at 4K.
  await watch.page.waitForFunction(() => performance.getEntriesByName('onemap:wall-map-ready').length > 0, undefined, {
    timeout: 150_000,
  })
  await watch.page.locator('[data-testid="wall-stage"][data-as-of^="2"]').waitFor({ timeout: 60_000 })
  await watch.page
    .locator('[data-testid="wall-stage"][data-scene-count]:not([data-scene-count=""])')
    .waitFor({ timeout: 60_000 })
  await watch.page.getByTestId('ticker').locator('li').first().waitFor()
  return watch
}

/** What a wall test file runs on: a seeded database, a server it can stop and restart, one browser. */
export interface WallHarness {
  db: TestDatabase
  server: RestartableServer
  browser: Browser
  h: Harness
}

/** Starts the wall tests' harness (one per file, in beforeAll). */
export async function startWallHarness(): Promise<WallHarness> {
  const db = await openSeededTestDatabase()
  const server = await restartableServer(db)
  const browser = await chromium.launch({ executablePath: e2eEnv.CHROMIUM_PATH, args: CHROMIUM_ARGS })
  return { db, server, browser, h: { origin: server.origin, db, browser, close: async () => {} } }
}

/**
 * The file's wall harness: started before its tests and closed after them. Its fields are filled in
 * once it is up, so tests read them as they run (`wall.h`, `wall.db`), not when the file loads.
 */
export function useWallHarness(): WallHarness {
  const wall = {} as WallHarness
  beforeAll(async () => {
    Object.assign(wall, await startWallHarness())
  })
  afterAll(() => closeWallHarness(wall))
  return wall
}

/** Closes what startWallHarness opened, whatever part of it started. */
export async function closeWallHarness(w: Partial<WallHarness>): Promise<void> {
  await w.browser?.close()
  await w.server?.stop()
  await w.db?.close()
}
