// Child process of the benchmark: the OneMap server as production runs it (tile LRU on) and a
// second listener with the tile cache off, so cold rendering can be compared with the pgbench floor.
import { openDatabase } from '@onemap/db/database'
import { createServer } from '@onemap/server/app'
import { tuneHeap } from '@onemap/server/heap'
import { tileRoutes } from '@onemap/server/routes/tiles'
import { ogcRoutes } from '@onemap/server/routes/ogc'
import Fastify from 'fastify'
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { loadBenchEnv } from './env.ts'

const env = loadBenchEnv()

// BENCH_GC_LOG=1: every garbage collection of 5 ms or more on stderr (kind and length), to tell a tile's
// own cost from the collector's pauses in a latency tail.
if (env.BENCH_GC_LOG === '1') {
  const name = new URL(process.argv[2] as string).pathname.slice(1)
  const kinds: Record<number, string> = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
  }
  const mb = (n: number) => (n / 2 ** 20).toFixed(0)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const detail = (e as PerformanceEntry & { detail?: { kind?: number; flags?: number } }).detail
      const kind = detail?.kind ?? 0
      if (e.duration < 5) continue
      const m = process.memoryUsage()
      process.stderr.write(
        `[gc ${name}] ${kinds[kind] ?? kind} ${e.duration.toFixed(1)} ms flags ${detail?.flags ?? 0}` +
          ` heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB external ${mb(m.external)} MB arrayBuffers ${mb(m.arrayBuffers)} MB\n`,
      )
    }
  }).observe({ entryTypes: ['gc'] })
}

tuneHeap()
if (env.BENCH_V8_FLAGS) setFlagsFromString(env.BENCH_V8_FLAGS)
const url = process.argv[2] as string
const db = await openDatabase({ url, dataDir: '', poolSize: 10 })
const cached = await createServer({ db, logLevel: 'error' })
await cached.listen({ port: 0, host: '127.0.0.1' })
const cold = Fastify({ logger: false })
await cold.register(tileRoutes, { db, cacheBytes: 0 })
await cold.register(ogcRoutes, { db })
await cold.listen({ port: 0, host: '127.0.0.1' })
const port = (app: { server: { address(): unknown } }) => (app.server.address() as { port: number }).port
// The pid is this process's own: the parent spawned tsx, which runs this file in a child of its own.
console.log(JSON.stringify({ cached: port(cached), cold: port(cold), pid: process.pid }))
process.on('SIGTERM', () => {
  void Promise.all([cached.close(), cold.close()])
    .then(() => db.close())
    .then(() => process.exit(0))
})
