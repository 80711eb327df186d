import { createServer } from './app.ts'
import { ensureAdmin } from './auth/bootstrap.ts'
import { publishLocalAdmin } from './auth/local-admin.ts'
import { prepareDatabase } from './boot.ts'
import { loadEnv } from './env.ts'
import { reportFatal } from './fatal.ts'
import { tuneHeap } from './heap.ts'
import { SHUTDOWN_BUDGET_MS, shutDown } from './shutdown.ts'

const say = (line: string) => console.log(`[onemap] ${line}`)

async function main() {
  tuneHeap()
  const env = loadEnv()
  const db = await prepareDatabase(env, say)
  await ensureAdmin(db, env.ONEMAP_ADMIN_PASSWORD, say)
  const app = await createServer({
    db,
    webDist: env.ONEMAP_WEB_DIST,
    logLevel: env.LOG_LEVEL,
    publicUrl: env.ONEMAP_PUBLIC_URL,
    rateLimits: {
      trpc: env.ONEMAP_RATE_LIMIT_TRPC,
      tiles: env.ONEMAP_RATE_LIMIT_TILES,
      ogc: env.ONEMAP_RATE_LIMIT_OGC,
    },
    trustProxy: env.ONEMAP_TRUST_PROXY,
    frameAncestors: env.ONEMAP_FRAME_ANCESTORS,
  })
  publishLocalAdmin(app, db, env.ONEMAP_DATA_DIR)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    say(`${signal}: closing`)
    // Last resort, should a step hang despite its own time limit: exit anyway, before a supervisor's SIGKILL.
    setTimeout(() => {
      say('shutdown took too long: exiting')
      process.exit(1)
    }, SHUTDOWN_BUDGET_MS + 500).unref()
    await shutDown(app, db, say)
    say('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  await app.listen({ port: env.PORT, host: env.HOST })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  say(`OneMap is serving at http://localhost:${port}`)
}

main().catch(reportFatal)
