import { defineConfig } from 'vitest/config'

// Unit tests of the web app: pure modules only (i18n key sets, filters, basemap choice). Browser
// tests live in e2e/ with their own config because they need a built app and a real server.
// Files and cases run in a random order (the seed is printed; rerun one with --sequence.seed=<seed>):
// every case must own its state.
export default defineConfig({
  test: { sequence: { shuffle: true }, include: ['src/**/*.test.ts'] },
})
