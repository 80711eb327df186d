import pg from 'pg'
import { startEmbedded, type EmbeddedServer } from './embedded.ts'
import { DatabaseOpenError, DatabaseUnavailableError, hostPort, isConnectionError, redactUrl } from './errors.ts'
import { guardClients, SEARCH_PATH, SERVER_SESSION_OPTIONS } from './pool-clients.ts'
import type { Database, DatabaseKind, OpenOptions } from './database-types.ts'
import { withReadReplica } from './read-replica.ts'
import { embeddedListener, serverListener, type Listener } from './notifications.ts'

export { DatabaseOpenError, DatabaseUnavailableError, isConnectionError, MigrationError } from './errors.ts'
export type { Database, OpenOptions } from './database-types.ts'
export { SCHEMA } from './pool-clients.ts'

/** Oldest PostGIS whose functions we rely on (ST_TileEnvelope margins, ST_AsMVTGeom behaviour). */
const MIN_POSTGIS: [number, number] = [3, 3]

/** Opens the server database when a URL is given, else the embedded one; checks PostGIS either way. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const db = options.url ? await openServer(options) : await openEmbeddedDatabase(options.dataDir)
  try {
    await ensurePostgis(db)
  } catch (err) {
    await db.close()
    throw err
  }
  return options.url && options.readUrl ? withReadReplica(db, options.readUrl, options) : db
}

async function openServer(options: OpenOptions): Promise<Database> {
  const url = options.url as string
  const timeout = options.connectTimeoutMs ?? 10_000
  const pool = new pg.Pool({
    connectionString: url,
    options: SERVER_SESSION_OPTIONS,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeout,
    idleTimeoutMillis: 30_000,
  })
  const faults = guardClients(pool)
  try {
    await withTimeout(pool.query('SELECT 1'), timeout)
  } catch (err) {
    await pool.end().catch(() => {})
    const reason = err instanceof Error ? err.message : String(err)
    throw new DatabaseOpenError(
      `Cannot connect to PostgreSQL at ${hostPort(url)} (DATABASE_URL=${redactUrl(url)}): ${stripUrl(reason, url)}`,
    )
  }
  const listener = serverListener(url)
  return wrap('server', redactUrl(url), pool, faults, listener, async () => {
    await listener.close()
    await pool.end()
  })
}

async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const server: EmbeddedServer = await startEmbedded(dataDir, SEARCH_PATH)
  const pool = new pg.Pool({
    host: server.host,
    port: server.port,
    user: 'postgres',
    database: 'postgres',
    // One connection for the whole process: see the comment in embedded.ts. The idle client is
    // never closed, so a LISTEN issued on it stays in force.
    max: 1,
    idleTimeoutMillis: 0,
  })
  const faults = guardClients(pool)
  const listener = embeddedListener(pool)
  pool.on('connect', (client) => listener.attach(client))
  return wrap('embedded', dataDir, pool, faults, listener, async () => {
    await listener.close()
    await pool.end()
    await server.stop()
  })
}

function wrap(
  kind: DatabaseKind,
  location: string,
  pool: pg.Pool,
  faults: WeakMap<pg.ClientBase, Error>,
  listener: Listener,
  stop: () => Promise<void>,
): Database {
  let closed: Promise<void> | undefined
  return {
    kind,
    location,
    pool,
    query: (text, params) => pool.query(text as string, params as unknown[]),
    async transaction(fn) {
      const client = await pool.connect()
      // Set when the connection is unusable: release(err) then destroys the client instead of pooling it.
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await fn(client)
        const fault = faults.get(client)
        if (fault) throw new DatabaseUnavailableError(fault)
        await client.query('COMMIT')
        return result
      } catch (err) {
        const fault = faults.get(client)
        if (fault || isConnectionError(err)) {
          broken = fault ?? (err as Error)
          throw err instanceof DatabaseUnavailableError ? err : new DatabaseUnavailableError(err)
        }
        await client.query('ROLLBACK').catch((rollbackErr: Error) => {
          broken = rollbackErr
        })
        throw err
      } finally {
        client.release(broken ?? faults.get(client))
      }
    },
    async postgisVersion() {
      const { rows } = await pool.query<{ v: string }>('SELECT extversion AS v FROM pg_extension WHERE extname = $1', [
        'postgis',
      ])
      return rows[0]?.v ?? 'missing'
    },
    listen: (channel, handler, options) => listener.listen(channel, handler, options),
    close() {
      closed ??= stop()
      return closed
    },
  }
}

/**
 * PostGIS must be present and recent. We try to create the extension (works for a superuser or
 * a trusted-extension setup); otherwise we stop with the install hint rather than fail later.
 */
async function ensurePostgis(db: Database): Promise<void> {
  if (!(await postgisInstalled(db))) {
    const available = await db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")
    if (available.rows.length === 0) {
      throw new DatabaseOpenError(
        `PostGIS is not installed on the PostgreSQL server at ${db.location}. Install it on the server ` +
          '(Debian/Ubuntu: apt-get install postgresql-<major>-postgis-3, e.g. postgresql-15-postgis-3), ' +
          'then run CREATE EXTENSION postgis; in the database as a superuser.',
      )
    }
    try {
      await db.query('CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public')
    } catch (err) {
      // Two servers starting together on an empty database: IF NOT EXISTS does not stop the second
      // from failing on a unique index while the first commits. Its extension is as good as ours.
      if ((err as { code?: string }).code === '23505' && (await postgisInstalled(db))) return checkPostgisVersion(db)
      throw new DatabaseOpenError(
        `PostGIS is available but not enabled in the database at ${db.location}, and OneMap could not enable it ` +
          `(${err instanceof Error ? err.message : String(err)}). Ask a superuser to run CREATE EXTENSION postgis; in it.`,
      )
    }
  }
  await checkPostgisVersion(db)
}

async function postgisInstalled(db: Database): Promise<boolean> {
  return (await db.query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).rows.length > 0
}

async function checkPostgisVersion(db: Database): Promise<void> {
  const version = await db.postgisVersion()
  const [major = 0, minor = 0] = version.split('.').map(Number)
  if (major < MIN_POSTGIS[0] || (major === MIN_POSTGIS[0] && minor < MIN_POSTGIS[1])) {
    throw new DatabaseOpenError(
      `PostGIS ${version} at ${db.location} is too old: OneMap needs ${MIN_POSTGIS.join('.')} or newer ` +
        '(Debian/Ubuntu: apt-get install postgresql-<major>-postgis-3, then ALTER EXTENSION postgis UPDATE;).',
    )
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/** Driver messages sometimes echo the connection string; never let a password through. */
function stripUrl(message: string, url: string): string {
  return message.split(url).join(redactUrl(url))
}
