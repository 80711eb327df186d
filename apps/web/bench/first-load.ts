/**
 * Benchmark of the public page (not a test): first-load JavaScript, gzipped, and time to the first
 * idle map in headless Chromium, on the real server over a seeded embedded database.
 * Run: pnpm --filter @onemap/web bench   (builds the app first). Budgets: JS ≤ 450 KB, idle ≤ 3 s.
 */
import { gzipSync } from 'node:zlib'
import { openPage, startHarness, waitForMapIdle } from '../e2e/harness.ts'

const RUNS = 5
const KB = 1024

const h = await startHarness()
try {
  const idleMs: number[] = []
  let main = 0
  let worker = 0
  let files: string[] = []
  for (let run = 0; run < RUNS; run++) {
    // A fresh context each run: empty cache, as a first visit.
    const { page, context, problems } = await openPage(h, { width: 1280, height: 800 })
    const scripts: Promise<{ url: string; gz: number; worker: boolean }>[] = []
    page.on('response', (response) => {
      const type = response.request().resourceType()
      if (type !== 'script' && !response.url().endsWith('.mjs') && !response.url().endsWith('.js')) return
      scripts.push(
        response.body().then((body) => ({ url: response.url(), gz: gzipSync(body, { level: 9 }).length, worker: /worker/.test(response.url()) })),
      )
    })
    await page.goto(`${h.origin}/`)
    await waitForMapIdle(page)
    idleMs.push(await page.evaluate(() => performance.getEntriesByName('onemap:first-map-idle')[0]?.startTime ?? Number.NaN))
    const loaded = await Promise.all(scripts)
    main = loaded.filter((s) => !s.worker).reduce((sum, s) => sum + s.gz, 0)
    worker = loaded.filter((s) => s.worker).reduce((sum, s) => sum + s.gz, 0)
    files = loaded.map((s) => `${new URL(s.url).pathname} ${(s.gz / KB).toFixed(1)} KB`)
    if (problems.length) console.warn(problems.join('\n'))
    await context.close()
  }
  idleMs.sort((a, b) => a - b)
  const median = idleMs[Math.floor(idleMs.length / 2)] as number
  console.log(`scripts loaded before first idle (gzip -9):\n  ${files.join('\n  ')}`)
  console.log(`first-load JS, main thread: ${(main / KB).toFixed(1)} KB gzipped (budget 450 KB)`)
  console.log(`MapLibre worker script:     ${(worker / KB).toFixed(1)} KB gzipped (separate thread)`)
  console.log(`time to first map idle over ${RUNS} cold loads: median ${median.toFixed(0)} ms, max ${(idleMs.at(-1) as number).toFixed(0)} ms (budget 3000 ms)`)
} finally {
  await h.close()
}
