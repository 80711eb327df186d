import { defineConfig } from 'vitest/config'

// Unit tests of the web app: pure modules only (i18n key sets, filters, basemap choice). Browser
// tests live in e2e/ with their own config because they need a built app and a real server.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'] },
})
