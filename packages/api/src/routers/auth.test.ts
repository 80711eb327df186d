import { createAccount } from '@onemap/db/queries/accounts'
import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, memoryCookie } from '../context.ts'
import { hashPassword, verifyPassword } from '../passwords.ts'
import { createCaller } from '../root.ts'
import { resolveSession } from '../sessions.ts'
import { openFixtureDatabase } from '../testing/fixture.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openFixtureDatabase()
  await createAccount(db, { name: 'zhang', role: 'planner', passwordHash: await hashPassword('correct horse') })
  await createAccount(db, { name: 'target', role: 'planner', passwordHash: await hashPassword('s3cret-pass') })
})
afterAll(async () => {
  await db.close()
})

describe('passwords', () => {
  it('verifies only the right password against a salted scrypt hash', async () => {
    const a = await hashPassword('pa55word')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(a).not.toBe(await hashPassword('pa55word'))
    expect(await verifyPassword('pa55word', a)).toBe(true)
    expect(await verifyPassword('pa55wore', a)).toBe(false)
    expect(await verifyPassword('pa55word', 'garbage')).toBe(false)
  })
})

describe('auth', () => {
  it('signs in, stores only the token hash, resolves the session and signs out', async () => {
    const cookie = memoryCookie()
    const caller = createCaller(createContext(db, { cookie }))
    const me = await caller.auth.login({ name: 'zhang', password: 'correct horse' })
    expect(me).toMatchObject({ name: 'zhang', role: 'planner' })
    const token = cookie.read()!
    expect(token).toHaveLength(43)
    const stored = await db.query('SELECT token_hash FROM sessions WHERE token_hash = $1', [token])
    expect(stored.rows).toHaveLength(0)
    expect(await resolveSession(db, token)).toMatchObject({ name: 'zhang', role: 'planner' })
    await caller.auth.logout()
    expect(cookie.read()).toBeUndefined()
    expect(await resolveSession(db, token)).toBeNull()
  })

  it('refuses a wrong password without saying whether the name exists', async () => {
    const caller = createCaller(createContext(db, { clientIp: '10.0.0.1' }))
    await expect(caller.auth.login({ name: 'zhang', password: 'wrong' })).rejects.toThrow('Wrong name or password')
    await expect(caller.auth.login({ name: 'nobody', password: 'wrong' })).rejects.toThrow('Wrong name or password')
  })

  it('throttles brute force on one account: the right password is refused after 5 failures', async () => {
    const caller = createCaller(createContext(db, { clientIp: '10.0.0.2' }))
    for (let i = 0; i < 5; i++) await expect(caller.auth.login({ name: 'target', password: `guess${i}` })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(caller.auth.login({ name: 'target', password: 's3cret-pass' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' })
  })
})
