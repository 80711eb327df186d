import { testBackend } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { measureTilesDuringLogins, startBurstServer, type BurstServer } from '../testing/login-burst-harness.ts'

// Through the real HTTP server in its own process. The tile timings themselves are a speed claim and
// live in bench/login-burst.ts (pnpm bench:logins); here: the burst is refused cleanly and tiles keep answering.
let server: BurstServer
beforeAll(async () => {
  server = await startBurstServer()
}, 180_000)
afterAll(async () => {
  await server?.stop()
})

describe(`sign-in bursts over HTTP (${testBackend})`, () => {
  it('answers waves of 300 concurrent sign-ins with 503/429 + Retry-After beyond the gate, and keeps serving tiles', async () => {
    const { idle, busy, tally } = await measureTilesDuringLogins(server.base, 10)
    expect(idle).toHaveLength(30)
    expect(busy).toHaveLength(30)
    const { statuses } = tally
    expect([...statuses.keys()].every((s) => [200, 401, 429, 503].includes(s))).toBe(true)
    expect(tally.retryAfter).toBe((statuses.get(503) ?? 0) + (statuses.get(429) ?? 0))
    // Most of each wave is refused by the gate before any database work or hashing.
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0.8 * [...statuses.values()].reduce((a, b) => a + b, 0))
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0)
  }, 180_000)
})
