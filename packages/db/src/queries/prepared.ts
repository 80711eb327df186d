import { createHash } from 'node:crypto'
import pg from 'pg'
import type { Database } from '../database.ts'

/** Binary results keep a bytea as the Buffer it arrived in (pg-types would turn it into a string). */
const BINARY_TYPES = new pg.TypeOverrides()
BINARY_TYPES.setTypeParser(pg.types.builtins.BYTEA, 'binary', (value: Buffer) => value)

/**
 * Runs `text` as a named prepared statement, named by a hash of the text, so each connection parses
 * and plans a statement shape once (PostgreSQL may keep a generic plan after five executions).
 * Callers build texts that depend only on fixed catalogue choices (layer, CRS, which filters are
 * present), never on values, which are bound. `plan: 'each'` sends it unnamed instead, planned for
 * its own values every time: for statements whose best plan depends on the values (a z12 tile box
 * holds a thousand times the rows of a z16 one), where planning costs little next to running.
 * `binary` asks for every result column in binary format (a bytea arrives as a Buffer).
 */
export function preparedQuery<R extends Record<string, unknown>>(
  db: Database,
  prefix: 'tile' | 'ogc',
  text: string,
  values: unknown[],
  plan: 'once' | 'each' = 'once',
  { binary = false }: { binary?: boolean } = {},
) {
  // Through db.query, not db.pool: on a read replica's Database only `query` is routed to the replica.
  const format = binary ? { binary, types: BINARY_TYPES } : {}
  if (plan === 'each') return db.query<R>({ text, values, ...format })
  const name = `onemap_${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
  return db.query<R>({ name, text, values, ...format })
}
