/**
 * Soak benchmark of the wall (not a test): 2 000 scene changes at one a second on the real server over a
 * seeded embedded database, in headless Chromium at 1920×1080, while an admin edits a road segment every
 * 5 s (built, then corrected back: every edit reaches the figures, map, alarms and ticker). After a
 * warm-up, reads the JS heap and the DOM node count every 250 changes, each time as the roads scene
 * comes up. Budget: heap growth < 10 % after warm-up, DOM node count identical at every sample.
 *
 * The heap is read from a heap snapshot (which starts with a full garbage collection and stops the page
 * while it is written) and split in two: the page's own objects (everything it retains: data, React
 * state, map and deck.gl objects, strings, closures) and V8's compiled code with its bookkeeping
 * (bytecode, machine code, feedback), which grows for a long while as V8 optimises more of the same
 * functions (see bench/README.md). Two budgets: the page's objects grow < 10 % from the first reading on,
 * and the whole heap (objects + code) grows < 10 % from the reading at CODE_WARM_UP changes on, once V8
 * has finished tiering up the functions a scene change runs.
 * Run: pnpm --filter @onemap/web bench:wall [changes]   (builds the app first).
 */
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { type CDPSession, chromium, type Page } from 'playwright-core'
import { e2eEnv } from '../e2e/env.ts'
import { query } from '../e2e/api.ts'
import { CHROMIUM_ARGS, type Harness } from '../e2e/harness.ts'
import { mutate, plannerCookie, restartableServer, waitForSceneChanges } from '../e2e/wall-support.ts'

const CHANGES = Number(process.argv[2] ?? 2000)
const STEP = 250
const WARM_UP = 100
// Changes after which V8's compiled code has levelled off (bench/README.md: 1.33 MB in the first 250, 0.11 MB in the last).
const CODE_WARM_UP = 750
const EDIT_EVERY_MS = 5_000
// The alarm panel groups the first 40 alarms into its rows (use-wall-data.ts).
const ALARMS_READ = 40
const SAMPLE_SCENE = 'roads'
const MB = 1024 * 1024

const db = await openSeededTestDatabase()
const server = await restartableServer(db)
const browser = await chromium.launch({ executablePath: e2eEnv.CHROMIUM_PATH, args: CHROMIUM_ARGS })
const h = { origin: server.origin } as Harness

interface Item {
  entity: string
  id: string
  nameZh: string
  status: string
  version: number
  lateDays: number | null
}

/**
 * The segment the soak edits: a programme road segment under construction, so every edit moves the
 * figures, the map, the ticker and the alarm total. In the sample data every unfinished programme
 * segment is late, so the edit takes it off the alarm list and puts it back; the least late one on a
 * road none of whose segments the alarm panel reads keeps the panel's rows (and so the DOM) the same.
 */
async function editTarget(): Promise<Item> {
  const [items, alarms] = await Promise.all([
    query<Item[]>(h, 'progress.items'),
    query<{ items: { nameZh: string }[] }>(h, 'wall.alarms', { limit: ALARMS_READ }),
  ])
  const onPanel = new Set(alarms.items.map((a) => a.nameZh))
  const target = items
    .filter((i) => i.entity === 'road_segment' && i.status === 'under_construction' && !onPanel.has(i.nameZh))
    .sort((a, b) => (a.lateDays ?? 0) - (b.lateDays ?? 0))[0]
  if (!target) throw new Error('no programme segment under construction outside the alarm panel to edit')
  return target
}

/** Edits one segment back and forth (edit forward, admin correction back) until stopped; counts the edits. */
function editLoop(cookie: string, first: Item) {
  let stop = false
  let edits = 0
  let target = first
  const done = (async () => {
    const at = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    while (!stop) {
      const to = edits % 2 === 0 ? 'completed' : 'under_construction'
      const out: { version: number } = await mutate(server.origin, cookie, 'edits.setStatus', {
        entity: 'road_segment',
        id: target.id,
        expectedVersion: target.version,
        to,
        at,
        note: 'wall soak',
      })
      target = { ...target, version: out.version }
      edits++
      await new Promise((r) => setTimeout(r, EDIT_EVERY_MS))
    }
  })()
  return { stop: () => ((stop = true), done), count: () => edits }
}

/**
 * Waits for the sample scene to come up (not merely to be showing, so the reading has most of its
 * second) and counts the page's elements in the same task as it sees the scene, so the count is of
 * that scene's legend and labels.
 */
async function domOnArrival(page: Page): Promise<number> {
  const stage = '[data-testid="wall-stage"]'
  await page.waitForFunction(
    ([sel, s]) => document.querySelector(sel as string)?.getAttribute('data-scene') !== s,
    [stage, SAMPLE_SCENE],
    { timeout: 30_000 },
  )
  const handle = await page.waitForFunction(
    ([sel, s]) =>
      document.querySelector(sel as string)?.getAttribute('data-scene') === s &&
      document.getElementsByTagName('*').length,
    [stage, SAMPLE_SCENE],
    { timeout: 30_000 },
  )
  return (await handle.jsonValue()) as number
}

/**
 * The JS heap split into the page's objects and V8's code, from a heap snapshot taken at once (V8
 * collects garbage first). Blink's own objects (DOM, layout, DevTools' network buffers) are not JS
 * heap and are left out, as Runtime.getHeapUsage leaves them out.
 */
async function heapParts(cdp: CDPSession): Promise<{ objects: number; code: number }> {
  const chunks: string[] = []
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  }
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }
    nodes: number[]
  }
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')]
  const parts = { objects: 0, code: 0 }
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt] as number]
    const size = snapshot.nodes[i + sizeAt] as number
    if (type === 'code') parts.code += size
    else if (type !== 'native' && type !== 'synthetic') parts.objects += size
  }
  return parts
}

try {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.origin}/wall?interval=1`)
  await page.waitForFunction(() => performance.getEntriesByName('onemap:wall-map-ready').length > 0, undefined, {
    timeout: 180_000,
  })
  const cdp = await context.newCDPSession(page)
  const target = await editTarget()
  console.log(
    `editing ${target.id} (${target.nameZh}, ${target.lateDays ?? 0} days late) every ${EDIT_EVERY_MS / 1000} s`,
  )
  const edits = editLoop(await plannerCookie(db, server.origin, 'admin'), target)
  // Warm-up: every scene's layers, shaders and caches exist, and the ticker and alarm lists are full.
  await waitForSceneChanges(page, WARM_UP, WARM_UP * 5_000)
  const sample = async (changes: number) => {
    const nodes = await domOnArrival(page)
    const heap = await heapParts(cdp)
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return { changes, ...heap, used: usedSize, nodes, edits: edits.count(), at: Date.now() }
  }
  const rows = [await sample(0)]
  for (let done = 0; done < CHANGES; done += STEP) {
    const n = Math.min(STEP, CHANGES - done)
    await waitForSceneChanges(page, n, n * 5_000)
    rows.push(await sample(done + n))
  }
  await edits.stop()
  const base = rows[0] as (typeof rows)[number]
  const last = rows.at(-1) as (typeof rows)[number]
  const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`
  const pct = (now: number, was: number) => `${(((now - was) / was) * 100).toFixed(1)}%`
  console.log(
    '| scene changes after warm-up | edits | page objects | growth | compiled code | JS heap in use | growth | DOM nodes | elapsed |',
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const r of rows) {
    console.log(
      `| ${r.changes} | ${r.edits} | ${mb(r.objects)} | ${pct(r.objects, base.objects)} | ${mb(r.code)} | ${mb(r.used)} | ${pct(r.used, base.used)} | ${r.nodes} | ${((r.at - base.at) / 1000).toFixed(0)} s |`,
    )
  }
  const growth = Math.max(...rows.map((r) => (r.objects - base.objects) / base.objects))
  // The whole heap once the code has levelled off; a short run (fewer changes) measures it from its first reading.
  const settled = rows.find((r) => r.changes >= CODE_WARM_UP) ?? base
  const whole = (r: (typeof rows)[number]) => r.objects + r.code
  const wholeGrowth = Math.max(
    ...rows.filter((r) => r.changes >= settled.changes).map((r) => (whole(r) - whole(settled)) / whole(settled)),
  )
  const nodes = new Set(rows.map((r) => r.nodes))
  console.log(
    `page objects grew at most ${(growth * 100).toFixed(1)}% over ${CHANGES} changes (budget < 10%); ` +
      `whole heap (objects + code) at most ${(wholeGrowth * 100).toFixed(1)}% from change ${settled.changes} on (budget < 10%); compiled code ${pct(last.code, base.code)} overall; ` +
      `JS heap in use ${pct(last.used, base.used)}; DOM node counts seen: ${[...nodes].join(', ')}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`,
  )
  process.exitCode = growth < 0.1 && wholeGrowth < 0.1 && nodes.size === 1 && errors.length === 0 ? 0 : 1
} finally {
  await browser.close()
  await server.stop()
  await db.close()
}
