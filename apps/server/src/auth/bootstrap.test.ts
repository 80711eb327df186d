import { findLoginCandidate } from '@onemap/db/queries/accounts'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { verifyPassword } from '@onemap/api/passwords'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureAdmin } from './bootstrap.ts'

let db: TestDatabase
beforeEach(async () => {
  db = await openTestDatabase()
})
afterEach(async () => {
  await db.close()
})

describe('ensureAdmin', () => {
  it('creates admin once with a generated password printed only on that start', async () => {
    const lines: string[] = []
    await ensureAdmin(db, undefined, (l) => lines.push(l))
    await ensureAdmin(db, undefined, (l) => lines.push(l))
    expect(lines).toHaveLength(1)
    const password = /generated password (\S+)/.exec(lines[0]!)![1]!
    const admin = await findLoginCandidate(db, 'admin')
    expect(admin?.role).toBe('admin')
    expect(await verifyPassword(password, admin!.passwordHash)).toBe(true)
  })

  it('uses ONEMAP_ADMIN_PASSWORD without printing it', async () => {
    const lines: string[] = []
    await ensureAdmin(db, 'a-long-admin-password', (l) => lines.push(l))
    expect(lines.join('\n')).not.toContain('a-long-admin-password')
    expect(await verifyPassword('a-long-admin-password', (await findLoginCandidate(db, 'admin'))!.passwordHash)).toBe(
      true,
    )
  })
})
