import { defineConfig } from 'vitest/config'

// Import tests open a real PostGIS (embedded PGlite takes seconds to open) and one spawns a child
// process that streams a large file, hence the long timeouts.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 180_000, include: ['src/**/*.test.ts'] },
})
