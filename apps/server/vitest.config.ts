import { defineConfig } from 'vitest/config'

// Database tests open a real PostGIS (embedded PGlite takes seconds to open), hence the long timeouts.
// Files and cases run in a random order (the seed is printed; rerun one with --sequence.seed=<seed>):
// every case must own its state.
export default defineConfig({
  test: { sequence: { shuffle: true }, testTimeout: 60_000, hookTimeout: 180_000, include: ['src/**/*.test.ts'] },
})
