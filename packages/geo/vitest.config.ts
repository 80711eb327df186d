import { defineConfig } from 'vitest/config'

// Database tests open a real PostGIS (embedded PGlite takes seconds to open), hence the long timeouts.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 180_000, include: ['src/**/*.test.ts'] },
})
