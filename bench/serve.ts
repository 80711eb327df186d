// Child process of the benchmark: the OneMap server as production runs it (tile LRU on) and a
// second listener with the tile cache off, so cold rendering can be compared with the pgbench floor.
import { openDatabase } from '@onemap/db/database'
import { createServer } from '@onemap/server/app'
import { tileRoutes } from '@onemap/server/routes/tiles'
import { ogcRoutes } from '@onemap/server/routes/ogc'
import Fastify from 'fastify'

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
