import { readMigrations } from '@onemap/db/migrate'
import { openTestDatabase, testBackend, type TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAdmin } from './auth/bootstrap.ts'
import { prepareDatabase } from './boot.ts'
import { loadEnv } from './env.ts'

// Several servers may share one PostgreSQL database; the embedded folder has one owner, so this is server-only.
let empty: TestDatabase | undefined
beforeAll(async () => {
  if (testBackend === 'server') empty = await openTestDatabase({ empty: true })
})
afterAll(async () => {
  await empty?.close()
})

describe(`start-up of two servers on one empty database (${testBackend})`, () => {
  it.skipIf(testBackend !== 'server')(
    'migrates, seeds and creates the admin exactly once',
    async () => {
      const env = loadEnv({ DATABASE_URL: empty!.url, ONEMAP_ADMIN_PASSWORD: 'first-start-pass' })
      const start = async () => {
        const lines: string[] = []
        const db = await prepareDatabase(env, (line) => lines.push(line))
        try {
          await ensureAdmin(db, env.ONEMAP_ADMIN_PASSWORD, (line) => lines.push(line))
        } finally {
          await db.close()
        }
        return lines.join('\n')
      }
      const outputs = await Promise.all([start(), start()])
      expect(outputs.filter((o) => /Applied migrations/.test(o))).toHaveLength(1)
      expect(outputs.filter((o) => /empty database seeded/.test(o))).toHaveLength(1)
      expect(outputs.filter((o) => /already holds data/.test(o))).toHaveLength(1)
      expect(outputs.filter((o) => /Created account 'admin'/.test(o))).toHaveLength(1)
      const counts = await empty!.query<{ migrations: number; programmes: number; admins: number }>(
        `SELECT (SELECT count(*)::int FROM schema_migrations) AS migrations, (SELECT count(*)::int FROM programme) AS programmes,
              (SELECT count(*)::int FROM users WHERE role = 'admin') AS admins`,
      )
      expect(counts.rows[0]).toEqual({ migrations: readMigrations().length, programmes: 1, admins: 1 })
    },
    300_000,
  )
})
