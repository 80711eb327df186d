import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/trpc': 'http://localhost:8080', '/tiles': 'http://localhost:8080', '/ogc': 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // MapLibre alone is ~800 kB minified; the budget that matters is gzipped first-load JS (bench/web-load.mjs).
    chunkSizeWarningLimit: 1500,
  },
})
