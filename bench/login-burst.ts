// Tile latency during sign-in bursts (issue 11 §2): p95 of distinct, uncached z15 tiles while idle and
// during waves of 300 concurrent sign-ins, against a real server in its own process.
// Run: pnpm bench:logins (embedded), or with DATABASE_URL for the server backend. Goal: busy ≤ 3 × idle.
import { measureTilesDuringLogins, p95, startBurstServer } from '@onemap/server/testing/login-burst-harness'

const server = await startBurstServer()
try {
  const { idle, busy, tally } = await measureTilesDuringLogins(server.base)
  const ratio = p95(busy) / p95(idle)
  console.log(
    `tile p95 idle ${p95(idle).toFixed(1)} ms, during sign-in waves ${p95(busy).toFixed(1)} ms (${ratio.toFixed(2)}×, goal ≤ 3×)`,
  )
  console.log(`sign-in answers: ${JSON.stringify(Object.fromEntries(tally.statuses))}`)
  process.exitCode = ratio <= 3 ? 0 : 1
} finally {
  await server.stop()
}
