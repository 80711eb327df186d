import { openFixtureDatabase } from '@onemap/api/testing/fixture'
import { createAccount } from '@onemap/db/queries/accounts'
import { testBackend, type TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createServer } from '../app.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openFixtureDatabase()
})
afterAll(async () => {
  await db?.close()
})

describe(`session sweep on a running server (${testBackend})`, () => {
  it('deletes expired sessions periodically, keeps live ones, and stops with the server', async () => {
    const user = await createAccount(db, { name: 'sweep-me', role: 'viewer', passwordHash: 'scrypt$x' })
    await db.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('expired', $1, now() - interval '1 minute'), ('live', $1, now() + interval '1 day')`,
      [user.id],
    )
    const app = await createServer({ db, sweepEveryMs: 100 })
    try {
      await vi.waitFor(
        async () => {
          const { rows } = await db.query<{ token_hash: string }>(
            'SELECT token_hash FROM sessions WHERE user_id = $1',
            [user.id],
          )
          expect(rows.map((r) => r.token_hash)).toEqual(['live'])
        },
        { timeout: 20_000, interval: 100 },
      )
    } finally {
      await app.close()
    }
  })
})
