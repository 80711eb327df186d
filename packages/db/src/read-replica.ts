import pg from 'pg'
import type { Database, OpenOptions, ReplicaStatus } from './database-types.ts'
import { guardClients, SERVER_SESSION_OPTIONS } from './pool-clients.ts'
import { isConnectionError, redactUrl } from './errors.ts'

/** After a failure the replica is left alone this long before reads try it again. */
const RETRY_AFTER_MS = 5_000

/**
 * Adds a read path to a server database: `reads.query` runs on the replica and, when the replica
 * cannot be reached, on the primary (never an error for a read the primary could answer). Edits,
 * sessions and LISTEN stay on the primary because only `query` is routed. The replica is not needed
 * to start: a replica that is down at start is simply 'down' until it answers.
 */
export function withReadReplica(primary: Database, readUrl: string, options: OpenOptions): Database {
  const pool = new pg.Pool({
    connectionString: readUrl,
    // The primary's settings: tiles read from here fill their budget in the same order.
    options: SERVER_SESSION_OPTIONS,
    max: options.poolSize ?? 10,
    // Short: a read waiting on an unreachable replica would rather go to the primary at once.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
  })
  guardClients(pool)
  let downSince: number | undefined
  const status = (): ReplicaStatus => ({ state: downSince === undefined ? 'ok' : 'down', location: redactUrl(readUrl) })

  const reads: Database = {
    ...primary,
    location: `${primary.location} (reads: ${redactUrl(readUrl)})`,
    async query(text, params) {
      if (downSince === undefined || Date.now() - downSince > RETRY_AFTER_MS) {
        try {
          const result = await pool.query(text as string, params as unknown[])
          downSince = undefined
          return result as never
        } catch (err) {
          // A statement the replica cancelled to replay WAL (recovery conflict): the primary answers it.
          if (isRecoveryConflict(err)) return primary.query(text, params)
          if (!isConnectionError(err)) throw err
          downSince = Date.now()
        }
      }
      return primary.query(text, params)
    },
  }
  return {
    ...primary,
    reads,
    replicaStatus: status,
    async close() {
      await pool.end().catch(() => {})
      await primary.close()
    },
  }
}

/** SQLSTATE 40001 on a standby, which runs no serializable transactions, means a recovery conflict. */
function isRecoveryConflict(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '40001'
}
