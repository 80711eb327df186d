import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from './database.ts'
import { openTestDatabase, testBackend, type TestDatabase } from './testing/test-database.ts'

// A replica needs a server. Here the "replica" is a second connection to the test database marked by
// its application_name, which is enough to see which connection answered.
const onServer = testBackend === 'server'
let primary: TestDatabase
const opened: Database[] = []
beforeAll(async () => {
  if (onServer) primary = await openTestDatabase()
})
afterAll(async () => {
  for (const db of opened) await db.close()
  await primary?.close()
})

async function open(readUrl: string) {
  const db = await openDatabase({ url: primary.url, dataDir: '', readUrl, poolSize: 2 })
  opened.push(db)
  return db
}

const appName = async (db: Database) =>
  (await db.query<{ a: string }>("SELECT current_setting('application_name') AS a")).rows[0]?.a

describe.skipIf(!onServer)('public reads on a read replica', () => {
  it('go to the replica, while edits and everything else stay on the primary', async () => {
    const replica = new URL(primary.url as string)
    replica.searchParams.set('application_name', 'onemap-read-replica')
    const db = await open(replica.toString())
    expect(await appName(db.reads!)).toBe('onemap-read-replica')
    expect(await appName(db)).not.toBe('onemap-read-replica')
    // A statement error is the caller's, not the replica being down.
    await expect(db.reads!.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/)
    expect(db.replicaStatus?.()).toMatchObject({ state: 'ok' })
  })

  it('fall back to the primary when the replica is unreachable, and the status says so', async () => {
    const db = await open('postgres://onemap:secret-pw@127.0.0.1:1/replica')
    expect((await db.reads!.query<{ n: number }>('SELECT 1 AS n')).rows[0]?.n).toBe(1)
    const status = db.replicaStatus?.()
    expect(status).toMatchObject({ state: 'down' })
    expect(status?.location).not.toContain('secret-pw')
  })
})
