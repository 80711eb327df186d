/**
 * Soak benchmark of the wall (not a test): 200 scene changes at one a second on the real server
 * over a seeded embedded database, in headless Chromium at 1920×1080. Reports the JS heap after a
 * forced GC at the start and every 50 changes, and the DOM node count. Budget: heap growth < 20%.
 * Run: pnpm --filter @onemap/web bench:wall [changes]   (builds the app first).
 */
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { chromium } from 'playwright-core'
import { e2eEnv } from '../e2e/env.ts'
import { CHROMIUM_ARGS } from '../e2e/harness.ts'
import { heapAfterGc, restartableServer, waitForSceneChanges } from '../e2e/wall-support.ts'

const CHANGES = Number(process.argv[2] ?? 200)
const STEP = 50
const MB = 1024 * 1024

const db = await openSeededTestDatabase()
const server = await restartableServer(db)
const browser = await chromium.launch({ executablePath: e2eEnv.CHROMIUM_PATH, args: CHROMIUM_ARGS })
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.origin}/wall?interval=1`)
  await page.waitForFunction(() => performance.getEntriesByName('onemap:wall-map-ready').length > 0, undefined, { timeout: 120_000 })
  const cdp = await context.newCDPSession(page)
  // One full rotation first, so every scene's layers and shaders exist before the baseline.
  await waitForSceneChanges(page, 4, 60_000)
  const nodes = () => page.evaluate(() => document.getElementsByTagName('*').length)
  const rows = [{ changes: 0, heap: await heapAfterGc(cdp), nodes: await nodes(), at: Date.now() }]
  for (let done = 0; done < CHANGES; done += STEP) {
    const n = Math.min(STEP, CHANGES - done)
    await waitForSceneChanges(page, n, n * 5_000)
    rows.push({ changes: done + n, heap: await heapAfterGc(cdp), nodes: await nodes(), at: Date.now() })
  }
  const base = rows[0] as (typeof rows)[number]
  console.log('| scene changes | JS heap after GC | growth | DOM nodes | elapsed |')
  console.log('|---|---|---|---|---|')
  for (const r of rows) {
    console.log(`| ${r.changes} | ${(r.heap / MB).toFixed(1)} MB | ${(((r.heap - base.heap) / base.heap) * 100).toFixed(1)}% | ${r.nodes} | ${((r.at - base.at) / 1000).toFixed(0)} s |`)
  }
  const growth = ((rows.at(-1) as (typeof rows)[number]).heap - base.heap) / base.heap
  console.log(`heap growth over ${CHANGES} changes: ${(growth * 100).toFixed(1)}% (budget < 20%)${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`)
  process.exitCode = growth < 0.2 && errors.length === 0 ? 0 : 1
} finally {
  await browser.close()
  await server.stop()
  await db.close()
}
