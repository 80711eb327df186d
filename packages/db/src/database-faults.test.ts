import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatabaseUnavailableError, isConnectionError } from './database.ts'
import { openTestDatabase, testBackend, type TestDatabase } from './testing/test-database.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await db.query('CREATE TABLE fault_probe (n int)')
})
afterAll(async () => db?.close())

/** Resolves with the next 'error' event of `client`, after the pool's own listeners have run. */
function nextError(client: pg.PoolClient): Promise<Error> {
  return new Promise((resolve) => client.once('error', (err) => setImmediate(() => resolve(err))))
}

describe(`a connection that fails inside a transaction (${testBackend})`, () => {
  it('does not end the process, rolls back, destroys the client and answers as unavailable', async () => {
    let used: pg.PoolClient | undefined
    const outcome = await db
      .transaction(async (client) => {
        used = client
        await client.query('INSERT INTO fault_probe VALUES (1)')
        // As node-postgres does when the server terminates the backend between two statements: the
        // event arrives from the socket, outside any query. Without a listener it would be thrown.
        const heard = nextError(client)
        setImmediate(() => client.emit('error', new Error('terminating connection due to administrator command')))
        await heard
        return 'committed'
      })
      .catch((err: unknown) => err)
    expect(outcome).toBeInstanceOf(DatabaseUnavailableError)
    expect(isConnectionError(outcome)).toBe(true)
    // The broken client left the pool and the next statement runs on a fresh one.
    expect(db.pool.totalCount).toBe(db.pool.idleCount)
    const fresh = await db.pool.connect()
    expect(fresh).not.toBe(used)
    fresh.release()
    expect((await db.query('SELECT count(*)::int AS n FROM fault_probe')).rows[0]).toEqual({ n: 0 })
  })

  it.skipIf(testBackend !== 'server')(
    'survives pg_terminate_backend of the connection holding a transaction',
    async () => {
      const killer = new pg.Client({ connectionString: db.url })
      await killer.connect()
      try {
        const outcome = await db
          .transaction(async (client) => {
            const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
            await client.query('INSERT INTO fault_probe VALUES (2)')
            const heard = nextError(client)
            await killer.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid])
            await heard
            await client.query('INSERT INTO fault_probe VALUES (3)')
          })
          .catch((err: unknown) => err)
        expect(outcome).toBeInstanceOf(DatabaseUnavailableError)
        expect((await db.query('SELECT count(*)::int AS n FROM fault_probe')).rows[0]).toEqual({ n: 0 })
      } finally {
        await killer.end()
      }
    },
  )
})

describe('connection errors are told apart from statement errors', () => {
  it.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [new Error('timeout exceeded when trying to connect'), true],
    [{ code: '55000', message: 'database "x" is not currently accepting connections' }, true],
    [new Error('wrapper', { cause: { code: '08006', message: 'connection failure' } }), true],
    [{ code: '22007', message: 'invalid input syntax for type date' }, false],
    [{ code: '23514', message: 'violates check constraint' }, false],
    [new Error('boom'), false],
    [null, false],
  ])('%o → %s', (err, expected) => {
    expect(isConnectionError(err)).toBe(expected)
  })
})
