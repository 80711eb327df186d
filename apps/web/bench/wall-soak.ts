/**
 * Soak benchmark of the wall (not a test): 2 000 scene changes at one a second on the real server over a
 * seeded embedded database, in headless Chromium at 1920×1080, while an admin edits a road segment every
 * 5 s (built, then corrected back: every edit reaches the figures, map, alarms and ticker). After a
 * warm-up, reports the JS heap after a forced GC and the DOM node count every 250 changes, measured on the
 * same scene each time. Budget: heap growth < 10 % after warm-up, DOM node count constant.
 * Run: pnpm --filter @onemap/web bench:wall [changes]   (builds the app first).
 */
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { chromium, type Page } from 'playwright-core'
import { e2eEnv } from '../e2e/env.ts'
import { query } from '../e2e/api.ts'
import { CHROMIUM_ARGS, type Harness } from '../e2e/harness.ts'
import { heapAfterGc, mutate, plannerCookie, restartableServer, waitForSceneChanges } from '../e2e/wall-support.ts'

const CHANGES = Number(process.argv[2] ?? 2000)
const STEP = 250
const WARM_UP = 100
const EDIT_EVERY_MS = 5_000
const MB = 1024 * 1024

const db = await openSeededTestDatabase()
const server = await restartableServer(db)
const browser = await chromium.launch({ executablePath: e2eEnv.CHROMIUM_PATH, args: CHROMIUM_ARGS })

/** Edits one segment back and forth (edit forward, admin correction back) until stopped; counts the edits. */
function editLoop(cookie: string) {
  let stop = false
  let edits = 0
  const done = (async () => {
    // A programme segment on time, so the edits move the figures and the ticker but not the alarm list.
    const items = await query<{ entity: string; id: string; status: string; version: number; overdueDays: number }[]>({ origin: server.origin } as Harness, 'progress.items')
    const building = items.filter((i) => i.entity === 'road_segment' && i.status === 'under_construction')
    let target = building.find((i) => i.overdueDays === 0) ?? building[0]
    if (!target) throw new Error('no programme segment under construction to edit')
    const at = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    while (!stop) {
      const to = edits % 2 === 0 ? 'completed' : 'under_construction'
      const out: { version: number } = await mutate(server.origin, cookie, 'edits.setStatus', { entity: 'road_segment', id: target.id, expectedVersion: target.version, to, at, note: 'wall soak' })
      target = { ...target, version: out.version }
      edits++
      await new Promise((r) => setTimeout(r, EDIT_EVERY_MS))
    }
  })()
  return { stop: () => ((stop = true), done), count: () => edits }
}

async function onScene(page: Page, scene: string) {
  await page.waitForFunction((s) => document.querySelector('[data-testid="wall-stage"]')?.getAttribute('data-scene') === s, scene, { timeout: 30_000 })
}

try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.origin}/wall?interval=1`)
  await page.waitForFunction(() => performance.getEntriesByName('onemap:wall-map-ready').length > 0, undefined, { timeout: 180_000 })
  const cdp = await context.newCDPSession(page)
  const edits = editLoop(await plannerCookie(db, server.origin, 'admin'))
  // Warm-up: every scene's layers, shaders and caches exist, and the ticker and alarm lists are full.
  await waitForSceneChanges(page, WARM_UP, WARM_UP * 5_000)
  const sample = async (changes: number) => {
    await onScene(page, 'roads')
    return { changes, heap: await heapAfterGc(cdp), nodes: await page.evaluate(() => document.getElementsByTagName('*').length), edits: edits.count(), at: Date.now() }
  }
  const rows = [await sample(0)]
  for (let done = 0; done < CHANGES; done += STEP) {
    const n = Math.min(STEP, CHANGES - done)
    await waitForSceneChanges(page, n, n * 5_000)
    rows.push(await sample(done + n))
  }
  await edits.stop()
  const base = rows[0] as (typeof rows)[number]
  console.log('| scene changes after warm-up | edits | JS heap after GC | growth | DOM nodes | elapsed |')
  console.log('|---|---|---|---|---|---|')
  for (const r of rows) {
    console.log(
      `| ${r.changes} | ${r.edits} | ${(r.heap / MB).toFixed(1)} MB | ${(((r.heap - base.heap) / base.heap) * 100).toFixed(1)}% | ${r.nodes} | ${((r.at - base.at) / 1000).toFixed(0)} s |`,
    )
  }
  const growth = ((rows.at(-1) as (typeof rows)[number]).heap - base.heap) / base.heap
  const nodes = new Set(rows.map((r) => r.nodes))
  console.log(
    `heap growth over ${CHANGES} changes: ${(growth * 100).toFixed(1)}% (budget < 10%); DOM node counts seen: ${[...nodes].join(', ')}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`,
  )
  process.exitCode = growth < 0.1 && nodes.size === 1 && errors.length === 0 ? 0 : 1
} finally {
  await browser.close()
  await server.stop()
  await db.close()
}
