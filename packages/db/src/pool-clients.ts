import type pg from 'pg'

/** Our tables live in schema `onemap`; PostGIS stays in `public`. */
export const SCHEMA = 'onemap'
export const SEARCH_PATH = `${SCHEMA}, public`

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
