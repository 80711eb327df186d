import { createServer } from './app.ts'
import { ensureAdmin } from './auth/bootstrap.ts'
import { publishLocalAdmin } from './auth/local-admin.ts'
import { prepareDatabase } from './boot.ts'
import { loadEnv } from './env.ts'
import { reportFatal } from './fatal.ts'

const say = (line: string) => console.log(`[onemap] ${line}`)

async function main() {
  const env = loadEnv()
  const db = await prepareDatabase(env, say)
  await ensureAdmin(db, env.ONEMAP_ADMIN_PASSWORD, say)
  const app = await createServer({ db, webDist: env.ONEMAP_WEB_DIST, logLevel: env.LOG_LEVEL })
  publishLocalAdmin(app, db, env.ONEMAP_DATA_DIR)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    say(`${signal}: closing`)
    await app.close()
    await db.close()
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
