import { createHash } from 'node:crypto'
import type { Database } from '../database.ts'

/**
 * Runs `text` as a named prepared statement, named by a hash of the text, so each connection parses
 * a statement shape once. Callers build texts that depend only on fixed catalogue choices (layer,
 * CRS, which filters are present), never on values, which are bound. On a server the pool plans each
 * execution for its own values (plan_cache_mode, see database.ts).
 */
export function preparedQuery<R extends Record<string, unknown>>(db: Database, prefix: 'tile' | 'ogc', text: string, values: unknown[]) {
  const name = `onemap_${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
  return db.pool.query<R>({ name, text, values })
}
