import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../database.ts'
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/test-database.ts'
import {
  countLoginAttempt,
  DEFAULT_LOGIN_POLICY as P,
  recordLoginSuccess,
  sweepLoginLimits,
  type LoginVerdict,
} from './login-limits.ts'

let db: TestDatabase
// On the server backend a second pool stands in for a second server process on the same database.
let other: Database
beforeAll(async () => {
  db = await openTestDatabase()
  other = db.url ? await openDatabase({ url: db.url, dataDir: '', poolSize: 4 }) : db
})
afterAll(async () => {
  if (other !== db) await other?.close()
  await db?.close()
})

const T0 = new Date('2026-03-02T01:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const allowed = (vs: LoginVerdict[]) => vs.filter((v) => v.allowed).length

describe(`login limits counted in the database (${testBackend})`, () => {
  it('lets exactly perPair of 200 concurrent attempts for one name from one address through, across two pools', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        countLoginAttempt(i % 2 ? other : db, { name: 'burst', ip: '198.51.100.1', now: T0 }),
      ),
    )
    expect(allowed(verdicts)).toBe(P.perPair)
    const refused = verdicts.find((v) => !v.allowed)
    expect(refused).toMatchObject({ reason: 'pair', retryAfterS: P.windowS })
  })

  it('lets at most freePerName + 1 of 200 concurrent attempts for one name from 200 addresses through', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        countLoginAttempt(i % 2 ? other : db, { name: 'spread', ip: `203.0.113.${i}`, now: T0 }),
      ),
    )
    expect(allowed(verdicts)).toBeGreaterThanOrEqual(P.freePerName)
    expect(allowed(verdicts)).toBeLessThanOrEqual(P.freePerName + 1)
    for (const v of verdicts) if (!v.allowed) expect(v.retryAfterS).toBeLessThanOrEqual(P.maxDelayS)
  })

  it("does not let a stranger's guesses lock the real user out: known addresses pass, new ones wait at most maxDelayS", async () => {
    await countLoginAttempt(db, { name: 'owner', ip: '192.0.2.10', now: at(-3600) })
    await recordLoginSuccess(db, { name: 'owner', ip: '192.0.2.10', now: at(-3600) })
    // The stranger guesses from many addresses, past every free attempt.
    for (let i = 0; i < 60; i++) await countLoginAttempt(db, { name: 'owner', ip: `198.18.0.${i % 12}`, now: at(i) })
    expect(await countLoginAttempt(db, { name: 'owner', ip: '198.18.0.1', now: at(61) })).toMatchObject({
      allowed: false,
    })

    // From the address the owner used before: straight in, however busy the stranger is.
    expect(await countLoginAttempt(db, { name: 'owner', ip: '192.0.2.10', now: at(61) })).toEqual({ allowed: true })

    // From a new address: refused for at most maxDelayS, then let through; retrying does not use up its own limit.
    let now = 61
    let verdict = await countLoginAttempt(db, { name: 'owner', ip: '192.0.2.99', now: at(now) })
    for (let tries = 0; !verdict.allowed && tries < P.perPair + 3; tries++) {
      expect(verdict.reason).toBe('name')
      expect(verdict.retryAfterS).toBeLessThanOrEqual(P.maxDelayS)
      now += verdict.retryAfterS
      verdict = await countLoginAttempt(db, { name: 'owner', ip: '192.0.2.99', now: at(now) })
    }
    expect(verdict).toEqual({ allowed: true })
    expect(now - 61).toBeLessThanOrEqual(P.maxDelayS)
  })

  it('refuses an address that sprays many names, and forgets everything once the window ends', async () => {
    const ip = '198.51.100.77'
    const verdicts: LoginVerdict[] = []
    for (let i = 0; i <= P.perAddress; i++)
      verdicts.push(await countLoginAttempt(db, { name: `user${i}`, ip, now: T0 }))
    expect(allowed(verdicts)).toBe(P.perAddress)
    expect(verdicts.at(-1)).toMatchObject({ allowed: false, reason: 'address' })
    const later = at(P.windowS + 1)
    expect(await countLoginAttempt(db, { name: 'user0', ip, now: later })).toEqual({ allowed: true })
    expect(await sweepLoginLimits(db, at(2 * P.windowS + 2))).toBeGreaterThan(P.perAddress)
  })
})
