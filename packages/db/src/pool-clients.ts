import type pg from 'pg'

/** Our tables live in schema `onemap`; PostGIS stays in `public`. */
export const SCHEMA = 'onemap'
export const SEARCH_PATH = `${SCHEMA}, public`

/**
 * Session settings of every server connection, primary and replica alike. No JIT: its compile time
 * (1–2 s on a dense tile or a bbox page) dwarfs what it saves on queries of tens of milliseconds, which is
 * all this application runs. No parallel Append: a tile fills its budget from a UNION ALL whose branches
 * must run in the order written (see queries/tiles.ts). PostgreSQL 15 chose no parallel Append for it
 * even with parallelism made free, but nothing promises that; scans inside a branch may still run in
 * parallel. (Embedded PGlite plans nothing in parallel.)
 */
export const SERVER_SESSION_OPTIONS = `-c search_path=${SEARCH_PATH.replace(' ', '')} -c jit=off -c enable_parallel_append=off`

/**
 * Gives every client of the pool a permanent 'error' listener. pg-pool listens for errors only while a
 * client is idle; one that arrives while a client is checked out (a terminated backend between two
 * statements of a transaction) would otherwise be an unhandled 'error' event and end the process.
 * The error is remembered so the transaction holding the client fails and destroys it.
 */
export function guardClients(pool: pg.Pool): WeakMap<pg.ClientBase, Error> {
  const faults = new WeakMap<pg.ClientBase, Error>()
  // Idle clients: pg-pool has already removed the broken one; nothing else to do.
  pool.on('error', () => {})
  pool.on('connect', (client) => {
    client.on('error', (err) => faults.set(client, err))
  })
  return faults
}
