import { createAccount } from '@onemap/db/queries/accounts'
import type { TestDatabase } from '@onemap/db/testing'
import { ROLES } from '@onemap/domain/statuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, memoryCookie, type SessionUser } from '../context.ts'
import { hashPassword } from '../passwords.ts'
import { createCaller } from '../root.ts'
import { resolveSession } from '../sessions.ts'
import { openFixtureDatabase } from '../testing/fixture.ts'

let db: TestDatabase
let admin: SessionUser
beforeAll(async () => {
  db = await openFixtureDatabase()
  const a = await createAccount(db, {
    name: 'chief',
    role: 'admin',
    passwordHash: await hashPassword('chief-password'),
  })
  admin = { id: a.id, name: a.name, role: 'admin' }
})
afterAll(async () => {
  await db.close()
})

const asAdmin = () => createCaller(createContext(db, { user: admin }))
/** Signs `name` in from its own address; returns its session token. */
async function signIn(name: string, password: string): Promise<string> {
  const cookie = memoryCookie()
  await createCaller(createContext(db, { cookie, clientIp: `10.9.${name.length}.1` })).auth.login({ name, password })
  return cookie.read()!
}
const lastEvent = async () => (await asAdmin().accounts.events({ limit: 1 }))[0]

describe('account management', () => {
  it('is for admins only', async () => {
    await expect(createCaller(createContext(db)).accounts.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    const planner = createCaller(createContext(db, { user: { id: 99, name: 'p', role: 'planner' } }))
    await expect(planner.accounts.list()).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(planner.accounts.add({ name: 'sneaky', role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('adds an account of every role, audited, with a generated password shown once; refuses a taken name', async () => {
    for (const role of ROLES) {
      const added = await asAdmin().accounts.add({ name: `new-${role}`, role })
      expect(added.generatedPassword).toMatch(/^[A-Za-z0-9_-]{18}$/)
      expect(await lastEvent()).toMatchObject({
        actor: 'chief',
        account: `new-${role}`,
        action: 'create',
        detail: { role },
      })
      expect(await signIn(`new-${role}`, added.generatedPassword!)).toHaveLength(43)
    }
    const listed = await asAdmin().accounts.list()
    expect(listed.find((a) => a.name === 'new-planner')).toMatchObject({
      role: 'planner',
      disabled: false,
      sessions: 1,
    })
    expect(JSON.stringify(listed)).not.toMatch(/scrypt/)
    await expect(asAdmin().accounts.add({ name: 'new-planner', role: 'viewer' })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    await expect(asAdmin().accounts.add({ name: 'x', role: 'viewer' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(asAdmin().accounts.setRole({ name: 'new-planner', role: 'superuser' as never })).rejects.toMatchObject(
      { code: 'BAD_REQUEST' },
    )
  })

  it('disabling ends every session and refuses sign-in until enabled again', async () => {
    await asAdmin().accounts.add({ name: 'planner-gao', role: 'planner', password: 'gao-password-1' })
    const tokens = [await signIn('planner-gao', 'gao-password-1'), await signIn('planner-gao', 'gao-password-1')]
    expect(await resolveSession(db, tokens[0])).toMatchObject({ name: 'planner-gao' })
    expect(await asAdmin().accounts.setDisabled({ name: 'planner-gao', disabled: true })).toEqual({ sessionsEnded: 2 })
    for (const t of tokens) expect(await resolveSession(db, t)).toBeNull()
    expect(await lastEvent()).toMatchObject({
      actor: 'chief',
      account: 'planner-gao',
      action: 'disable',
      detail: { sessionsEnded: 2 },
    })
    await expect(signIn('planner-gao', 'gao-password-1')).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await asAdmin().accounts.setDisabled({ name: 'planner-gao', disabled: false })
    expect(await signIn('planner-gao', 'gao-password-1')).toHaveLength(43)
  })

  it("changes a role, resets a password (old one refused, sessions ended) and ends a user's sessions", async () => {
    await asAdmin().accounts.add({ name: 'viewer-he', role: 'viewer', password: 'he-password-01' })
    await asAdmin().accounts.setRole({ name: 'viewer-he', role: 'planner' })
    expect(await lastEvent()).toMatchObject({ action: 'role', detail: { from: 'viewer', to: 'planner' } })
    const token = await signIn('viewer-he', 'he-password-01')
    expect(await resolveSession(db, token)).toMatchObject({ role: 'planner' })
    expect(await asAdmin().accounts.endSessions({ name: 'viewer-he' })).toEqual({ sessionsEnded: 1 })
    expect(await resolveSession(db, token)).toBeNull()
    const reset = await asAdmin().accounts.resetPassword({ name: 'viewer-he' })
    expect(await lastEvent()).toMatchObject({ action: 'password', detail: { sessionsEnded: 0 } })
    expect(JSON.stringify(await lastEvent())).not.toContain(reset.generatedPassword!)
    await expect(signIn('viewer-he', 'he-password-01')).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    expect(await signIn('viewer-he', reset.generatedPassword!)).toHaveLength(43)
    await expect(asAdmin().accounts.endSessions({ name: 'nobody-here' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('never leaves the zone without an enabled admin', async () => {
    const admins = (await asAdmin().accounts.list()).filter((a) => a.role === 'admin' && !a.disabled)
    // Leave 'chief' as the only enabled admin, then try to demote or disable it.
    for (const a of admins) if (a.name !== 'chief') await asAdmin().accounts.setRole({ name: a.name, role: 'planner' })
    await expect(asAdmin().accounts.setRole({ name: 'chief', role: 'planner' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/only enabled admin/),
    })
    await expect(asAdmin().accounts.setDisabled({ name: 'chief', disabled: true })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect((await asAdmin().accounts.list()).find((a) => a.name === 'chief')).toMatchObject({
      role: 'admin',
      disabled: false,
    })
  })
})
