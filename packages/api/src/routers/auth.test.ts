import { createAccount } from '@onemap/db/queries/accounts'
import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, memoryCookie } from '../context.ts'
import { LoginGate } from '../login-gate.ts'
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
    await expect(caller.auth.login({ name: 'zh\u0000ang', password: 'wrong' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
  })

  it('throttles brute force on one account: the right password is refused after 5 failures, with Retry-After', async () => {
    let retryAfter = 0
    const caller = createCaller(createContext(db, { clientIp: '10.0.0.2', retryAfter: (s) => (retryAfter = s) }))
    for (let i = 0; i < 5; i++)
      await expect(caller.auth.login({ name: 'target', password: `guess${i}` })).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      })
    await expect(caller.auth.login({ name: 'target', password: 's3cret-pass' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    })
    expect(retryAfter).toBeGreaterThan(800)
  })
})

describe('sign-ins in parallel', () => {
  // A gate wide enough that only the database limit decides, as with several server processes.
  const wide = new LoginGate({ concurrency: 4, queue: 1000, checkMs: 100 })
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'OK',
      (e: { code?: string }) => e.code ?? 'ERROR',
    )
  const count = (codes: string[], code: string) => codes.filter((c) => c === code).length

  it('checks at most 5 of 200 concurrent wrong passwords for one name', async () => {
    await createAccount(db, { name: 'burst', role: 'viewer', passwordHash: await hashPassword('burst-password') })
    const caller = createCaller(createContext(db, { clientIp: '10.1.0.1', loginGate: wide }))
    const codes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => outcome(caller.auth.login({ name: 'burst', password: `wrong-${i}` }))),
    )
    // Every UNAUTHORIZED cost one password check; TOO_MANY_REQUESTS cost none.
    expect(count(codes, 'UNAUTHORIZED')).toBe(5)
    expect(count(codes, 'TOO_MANY_REQUESTS')).toBe(195)
  })

  it('refuses the correct password hidden among parallel guesses once the limit is reached', async () => {
    await createAccount(db, { name: 'hidden', role: 'planner', passwordHash: await hashPassword('hidden-password') })
    const caller = createCaller(createContext(db, { clientIp: '10.1.0.2', loginGate: wide }))
    const guesses = Array.from({ length: 60 }, (_, i) => (i === 37 ? 'hidden-password' : `guess-${i}`))
    const first = await Promise.all(
      guesses.slice(0, 5).map((password) => outcome(caller.auth.login({ name: 'hidden', password }))),
    )
    expect(first).toEqual(Array(5).fill('UNAUTHORIZED'))
    const rest = await Promise.all(
      guesses.slice(5).map((password) => outcome(caller.auth.login({ name: 'hidden', password }))),
    )
    expect(rest).toEqual(Array(55).fill('TOO_MANY_REQUESTS'))
  })

  it('refuses sign-ins beyond the queue of the gate at once with 503 and a Retry-After', async () => {
    const narrow = new LoginGate({ concurrency: 1, queue: 3, checkMs: 100 })
    const waits: number[] = []
    const caller = createCaller(
      createContext(db, { clientIp: '10.1.0.3', loginGate: narrow, retryAfter: (s) => waits.push(s) }),
    )
    const codes = await Promise.all(
      Array.from({ length: 20 }, () => outcome(caller.auth.login({ name: 'zhang', password: 'correct horse' }))),
    )
    expect(count(codes, 'OK')).toBe(4)
    expect(count(codes, 'SERVICE_UNAVAILABLE')).toBe(16)
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1)
  })
})
