import { defineConfig } from 'vitest/config'

// Browser tests: one real server on a seeded database and one headless Chromium per file. Opening
// the embedded database and starting Chromium take seconds on a shared 2-core machine.
export default defineConfig({
  test: {
    // Every file's cases, and the files themselves, run in a random order, so a case that leans on
    // another's leftovers fails. Vitest prints the seed ("Running tests with seed …"); a failing order is
    // repeated with --sequence.seed=<seed>.
    sequence: { shuffle: true },
    include: ['e2e/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // One retry: software WebGL on two shared cores makes a rare browser step miss its 30 s wait in a full
    // run (the 督办 order flow and the indicators tab each did once, and passed alone and in the run before).
    // A test that fails twice still fails; the flakes are noted for a root cause. A retry runs on the
    // database the first attempt left, so each case must also pass a second time on its own leftovers.
    retry: 1,
  },
})
