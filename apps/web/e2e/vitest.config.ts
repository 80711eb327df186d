import { defineConfig } from 'vitest/config'

// Browser tests: one real server on a seeded database and one headless Chromium per file. Opening
// the embedded database and starting Chromium take seconds on a shared 2-core machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
})
