import type pg from 'pg'
import type { ListenOptions, NotificationHandler } from './notifications.ts'

// The handle every query module receives and what opening one takes, apart from database.ts (which
// opens it) so that read-replica.ts, which wraps one, needs no import back from database.ts.

/** The read replica as /healthz reports it. */
export interface ReplicaStatus {
  /** 'ok': reads go to the replica; 'down': it failed last time, reads go to the primary. */
  state: 'ok' | 'down'
  /** Where it is, password redacted. */
  location: string
}

export type DatabaseKind = 'embedded' | 'server'

export interface Database {
  readonly kind: DatabaseKind
  /** Where the database is, safe to print: a folder or a URL with its password redacted. */
  readonly location: string
  readonly pool: pg.Pool
  /** One statement; a QueryConfig with a `name` runs as a prepared statement of that name. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string | pg.QueryConfig,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>>
  /** Runs fn inside BEGIN … COMMIT on one client; any throw rolls everything back. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>
  /** PostGIS version string, e.g. "3.6.2". */
  postgisVersion(): Promise<string>
  /**
   * Calls `handler` with the payload of every NOTIFY on `channel` (delivered after the sending
   * transaction commits); resolves once listening, to a function that stops this handler. The
   * listening connection reconnects by itself; `onReconnect` tells the caller it may have missed some.
   */
  listen(channel: string, handler: NotificationHandler, options?: ListenOptions): Promise<() => Promise<void>>
  close(): Promise<void>
  /**
   * Where public reads (tiles, OGC items) may go: the read replica of ONEMAP_READ_DATABASE_URL, falling
   * back to the primary while it is unreachable. Absent: read from this database. Only its `query`
   * reaches the replica; its `pool` and `transaction` are the primary's.
   */
  readonly reads?: Database
  /** The replica as /healthz reports it; absent without a replica. */
  replicaStatus?(): ReplicaStatus
}

export interface OpenOptions {
  /** postgres:// URL of a PostgreSQL server with PostGIS; absent means the embedded database. */
  url?: string | undefined
  /** Folder of the embedded database (ignored with a URL). */
  dataDir: string
  /** Upper bound for reaching a server, in milliseconds. */
  connectTimeoutMs?: number
  /** Server pool size; the embedded database always uses one connection. */
  poolSize?: number
  /** postgres:// URL of a streaming replica for public reads (server backend only). */
  readUrl?: string | undefined
}
