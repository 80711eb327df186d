import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { takeFolderLock } from './embedded-lock.ts'
import { DatabaseOpenError } from './errors.ts'

export interface EmbeddedServer {
  host: string
  port: number
  stop(): Promise<void>
}

/**
 * Opens the PGlite data folder (creating it when absent) and serves it on a loopback port so the
 * ordinary `pg` client reaches it exactly as it reaches a PostgreSQL server.
 *
 * A folder that exists but is not a database, or that PGlite cannot open, is reported — never
 * re-initialised, which would silently lose every edit stored in it.
 */
export async function startEmbedded(dataDir: string, searchPath: string): Promise<EmbeddedServer> {
  const lock = takeFolderLock(dataDir)
  let db: PGlite
  try {
    const fresh = !existsSync(dataDir) || readdirSync(dataDir).length === 0
    if (!fresh && !existsSync(`${dataDir}/PG_VERSION`)) {
      throw new DatabaseOpenError(
        `The embedded data folder ${dataDir} is not empty and holds no database (PG_VERSION is missing). ` +
          'OneMap will not overwrite it: move it away to start with a new database, or restore it from a backup.',
      )
    }
    mkdirSync(dataDir, { recursive: true })
    try {
      db = await PGlite.create({ dataDir, extensions: { postgis } })
      await db.query('SELECT 1')
    } catch (err) {
      throw new DatabaseOpenError(
        `The embedded database in ${dataDir} could not be opened (${err instanceof Error ? err.message : String(err)}). ` +
          'It may be damaged. OneMap will not re-create it over your data: restore the folder from a backup, ' +
          'or move it away to start with a new database.',
      )
    }
  } catch (err) {
    lock.release()
    throw err
  }
  // Every socket connection shares this one backend session, so a session setting made here holds for
  // all of them (PGlite ignores the startup `options` a server would honour).
  await db.exec(`SET search_path TO ${searchPath}`)
  // PGlite runs one backend session. The socket server multiplexes client connections onto it, so two
  // clients' transactions would interleave inside that single session. The pool in database.ts keeps
  // exactly one client: a transaction holds that client until COMMIT, and every other query waits for
  // it. The second socket slot only lets that client reconnect while its dropped predecessor detaches.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 })
  await server.start()
  const [host, port] = server.getServerConn().split(':')
  return {
    host: host ?? '127.0.0.1',
    port: Number(port),
    async stop() {
      await server.stop()
      await db.close()
      lock.release()
    },
  }
}
