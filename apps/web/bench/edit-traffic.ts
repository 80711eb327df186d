/**
 * Per-edit traffic benchmark (not a test): what one status edit costs each open screen. A wall and a
 * planner workbench are opened in headless Chromium on the real server over a seeded embedded database;
 * an admin account edits a programme segment through the API (forward, then corrected back), and for each
 * edit the benchmark counts, until the page has been quiet for QUIET_MS:
 *  - the bytes and requests the page received over /trpc (the live stream's messages included, read
 *    through the DevTools protocol), and over /tiles separately;
 *  - the SQL statements the server ran beyond the edit itself (a counting wrapper on the pg client).
 * Run: pnpm --filter @onemap/web bench:edits [edits]   (builds the app first).
 */
import type { CDPSession } from 'playwright-core'
import { type Harness, openPage, startHarness } from '../e2e/harness.ts'
import { query } from '../e2e/api.ts'
import { createAccounts, signIn } from '../e2e/plan-fixture.ts'
import { mutate, plannerCookie } from '../e2e/wall-support.ts'

const EDITS = Number(process.argv[2] ?? 4)
// Long enough for a loaded machine: a re-read that starts after it would be missed.
const QUIET_MS = 4_000
const MAX_WAIT_MS = 20_000

interface Figures {
  trpcBytes: number
  trpcRequests: number
  tileBytes: number
  tileRequests: number
  /** tRPC bytes after decompression (what the client parses). */
  jsonBytes: number
  queries: number
  detail: string[]
}

/** Counts every statement any pg client of this process runs (pool, transactions, listener). */
async function countQueries(h: Harness): Promise<{ read(): number }> {
  const client = await h.db.pool.connect()
  const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown }
  client.release()
  let n = 0
  const original = proto.query
  proto.query = function (this: unknown, ...args: unknown[]) {
    n++
    return original.apply(this, args)
  }
  return { read: () => n }
}

/** Bytes and requests a page receives, by kind, from the DevTools protocol's network events. */
async function watchNetwork(cdp: CDPSession) {
  const urls = new Map<string, string>()
  let inFlight = new Set<string>()
  let lastActivity = Date.now()
  let liveMessages = 0
  const totals = { trpcBytes: 0, trpcRequests: 0, tileBytes: 0, tileRequests: 0, jsonBytes: 0 }
  // Which procedures each request asked for, with its bytes on the wire (for the breakdown).
  let detail: string[] = []
  const kind = (url: string | undefined) =>
    url?.includes('/trpc/') ? 'trpc' : url?.includes('/tiles/') ? 'tile' : null
  await cdp.send('Network.enable')
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url)
    const k = kind(e.request.url)
    if (!k) return
    if (k === 'trpc') totals.trpcRequests++
    else totals.tileRequests++
    // The live stream stays open: it is counted by its messages, not waited for.
    if (!e.request.url.includes('events')) inFlight.add(e.requestId)
    lastActivity = Date.now()
  })
  const done = (id: string, bytes: number) => {
    const k = kind(urls.get(id))
    if (k === 'trpc') {
      totals.trpcBytes += bytes
      detail.push(`${decodeURIComponent(new URL(urls.get(id)!).pathname.slice(6))} ${bytes} B`)
    }
    if (k === 'tile') totals.tileBytes += bytes
    inFlight.delete(id)
    lastActivity = Date.now()
  }
  cdp.on('Network.dataReceived', (e) => {
    // The live stream's messages are counted below, as they arrive.
    if (kind(urls.get(e.requestId)) === 'trpc' && !urls.get(e.requestId)!.includes('events'))
      totals.jsonBytes += e.dataLength
  })
  cdp.on('Network.loadingFinished', (e) => done(e.requestId, e.encodedDataLength))
  cdp.on('Network.loadingFailed', (e) => done(e.requestId, 0))
  cdp.on('Network.eventSourceMessageReceived', (e) => {
    if (kind(urls.get(e.requestId)) !== 'trpc') return
    const bytes = new TextEncoder().encode(e.data).length + e.eventId.length + e.eventName.length
    totals.trpcBytes += bytes
    totals.jsonBytes += bytes
    detail.push(`live message ${bytes} B`)
    liveMessages++
    lastActivity = Date.now()
  })
  return {
    reset() {
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] = 0
      inFlight = new Set()
      detail = []
      liveMessages = 0
      lastActivity = Date.now()
    },
    /** Waits for the edit's live message (when `live`), then until nothing has moved for QUIET_MS. */
    async quiet(live: boolean): Promise<typeof totals & { detail: string[] }> {
      const started = Date.now()
      while (
        Date.now() - started < MAX_WAIT_MS &&
        ((live && liveMessages === 0) || inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS)
      )
        await new Promise((r) => setTimeout(r, 100))
      return { ...totals, detail: [...detail] }
    },
  }
}

function report(label: string, rows: Figures[]) {
  const median = (k: Exclude<keyof Figures, 'detail'>) =>
    rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)]!
  console.log(
    `${label}: ${rows.length} edits; median per edit: trpc ${median('trpcBytes')} B on the wire (${median('jsonBytes')} B decoded) in ${median('trpcRequests')} requests, tiles ${median('tileBytes')} B in ${median('tileRequests')} requests, ${median('queries')} SQL statements`,
  )
  for (const r of rows) console.log(`  ${r.trpcBytes} B, ${r.queries} statements: ${r.detail.join('; ')}`)
}

type Target = { entity: string; id: string; status: string; version: number }

async function main() {
  const h = await startHarness()
  try {
    await createAccounts(h)
    const queries = await countQueries(h)
    const admin = await plannerCookie(h.db, h.origin, 'admin')
    const items = await query<Target[]>(h, 'progress.items')
    let target = items.find((i) => i.entity === 'road_segment' && i.status === 'under_construction')
    if (!target) throw new Error('no programme segment under construction to edit')
    const at = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    let n = 0
    const edit = async () => {
      const to = n++ % 2 === 0 ? 'completed' : 'under_construction'
      const out = await mutate<{ version: number }>(h.origin, admin, 'edits.setStatus', {
        entity: 'road_segment',
        id: target!.id,
        expectedVersion: target!.version,
        to,
        at,
        note: 'edit-traffic bench',
      })
      target = { ...target!, version: out.version }
    }

    // The edit alone, with no page open, forward and back (a correction runs more statements):
    // subtracted from each screen's figure for the same direction.
    const editQueries: number[] = []
    for (let i = 0; i < 2; i++) {
      const before = queries.read()
      await edit()
      editQueries.push(queries.read() - before)
    }

    const measure = async (label: string, net: Awaited<ReturnType<typeof watchNetwork>>) => {
      await net.quiet(false)
      const rows: Figures[] = []
      for (let i = 0; i < EDITS; i++) {
        net.reset()
        const q0 = queries.read()
        await edit()
        const t = await net.quiet(true)
        rows.push({ ...t, queries: queries.read() - q0 - editQueries[(n - 1) % 2]! })
      }
      report(label, rows)
    }

    {
      const { page, context } = await openPage(h, { width: 1920, height: 1080 })
      // Watching from before the page loads, so the live stream's request is known by its URL.
      const net = await watchNetwork(await context.newCDPSession(page))
      await page.goto(`${h.origin}/wall?scenes=roads&interval=600`)
      await page.locator('[data-testid="wall-stage"][data-stale=""]').waitFor({ timeout: 120_000 })
      await measure('wall', net)
      await context.close()
    }
    {
      const { page, context } = await openPage(h)
      const net = await watchNetwork(await context.newCDPSession(page))
      await signIn(page, h, 'planner')
      await page.locator('[data-testid="plan-totals"]').waitFor({ timeout: 120_000 })
      await measure('planner (a colleague edits)', net)
      await context.close()
    }
    {
      // The planner's own save through the drawer: the save, its re-reads and its echo on the stream.
      const { page, context } = await openPage(h)
      const net = await watchNetwork(await context.newCDPSession(page))
      await signIn(page, h, 'planner2')
      await page.locator('[data-testid="plan-totals"]').waitFor({ timeout: 120_000 })
      const rows: Figures[] = []
      for (let i = 0; i < EDITS; i++) {
        const planned = page.locator('tbody tr[data-segment-id]:has(td[data-status="planned"])').first()
        await planned.locator('button').click()
        const drawer = page.getByTestId('segment-drawer')
        await drawer.getByTestId('drawer-status').filter({ hasText: '规划' }).waitFor()
        await net.quiet(false)
        net.reset()
        const q0 = queries.read()
        await drawer.locator('select[name="to"]').selectOption('under_construction')
        await drawer.getByRole('button', { name: '保存状态' }).click()
        await drawer.getByTestId('drawer-status').filter({ hasText: '在建' }).waitFor()
        rows.push({ ...(await net.quiet(true)), queries: queries.read() - q0 - editQueries[0]! })
      }
      report('planner (own save, the save included)', rows)
      await context.close()
    }
    console.log(
      `(the edit itself ran ${editQueries.join(' / ')} SQL statements (forward / back); load average ${(
        await import('node:os')
      )
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
    )
  } finally {
    await h.close()
  }
}

await main()
