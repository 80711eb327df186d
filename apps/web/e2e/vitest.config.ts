import { defineConfig } from 'vitest/config'

// Browser tests: one real server on a seeded database and one headless Chromium per file. Opening
// the embedded database and starting Chromium take seconds on a shared 2-core machine.
// Suites marked describe.shuffle run their cases in a random order from this seed; a failing order is
// repeated with --sequence.seed=<seed>.
const seed = Date.now()
console.log(`[e2e] describe.shuffle seed ${seed} (unless --sequence.seed is given)`)

export default defineConfig({
  test: {
    sequence: { seed },
    include: ['e2e/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // One retry: software WebGL on two shared cores makes a rare browser step miss its 30 s wait in a full
    // run (the 督办 order flow and the indicators tab each did once, and passed alone and in the run before).
    // A test that fails twice still fails; the flakes are noted for a root cause.
    retry: 1,
  },
})
