import { testBackend, type TestDatabase } from '@onemap/db/testing'
import { copySeededEmbeddedFolder, openSeededTestDatabase } from '@onemap/seeds/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMain, type MainProcess } from './testing/main-process.ts'

const SUBSCRIBERS = 50

let db: TestDatabase | undefined
let folder: { dataDir: string; remove(): void } | undefined
let env: Record<string, string>
beforeAll(async () => {
  // main.ts opens the database itself: an unopened copy of the seeded embedded folder, or a server database.
  if (testBackend === 'server') db = await openSeededTestDatabase()
  else folder = await copySeededEmbeddedFolder()
  env = db?.url ? { DATABASE_URL: db.url } : { ONEMAP_DATA_DIR: folder!.dataDir }
  env.ONEMAP_ADMIN_PASSWORD = 'shutdown-test-password'
}, 120_000)
afterAll(async () => {
  await db?.close()
  folder?.remove()
})

/** Opens an event stream and resolves once tRPC's 'connected' handshake arrived, with a promise of its end. */
async function subscribe(url: string): Promise<{ ended: Promise<void> }> {
  const res = await fetch(`${url}/trpc/live.events`, { headers: { accept: 'text/event-stream' } })
  const reader = res.body!.getReader()
  let text = ''
  while (!text.includes('connected')) {
    const { value, done } = await reader.read()
    if (done) throw new Error('stream ended before connecting')
    text += new TextDecoder().decode(value)
  }
  // Wrapped: an async function returning a bare promise would wait for it.
  return {
    ended: (async () => {
      for (;;) if ((await reader.read().catch(() => ({ done: true }))).done) return
    })(),
  }
}

async function stopWith(main: MainProcess, signal: NodeJS.Signals) {
  const started = Date.now()
  main.child.kill(signal)
  const code = await main.exited
  return { code, ms: Date.now() - started }
}

describe(`clean shutdown (${testBackend})`, () => {
  it(`SIGTERM with ${SUBSCRIBERS} live subscribers exits within 10 s, ends their streams, and the next start opens the database`, async () => {
    const main = await startMain(env, 120_000)
    const streams = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => subscribe(main.url)))
    const { code, ms } = await stopWith(main, 'SIGTERM')
    expect(code, main.output()).toBe(0)
    expect(ms).toBeLessThan(10_000)
    expect(main.output()).toContain(`ending ${SUBSCRIBERS} live stream(s)`)
    await Promise.all(streams.map((s) => s.ended))

    // Restarting at once works: the embedded lock was released, nothing holds the database.
    const again = await startMain(env, 120_000)
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200)
    const second = await stopWith(again, 'SIGINT')
    expect(second.code, again.output()).toBe(0)
  }, 240_000)
})
