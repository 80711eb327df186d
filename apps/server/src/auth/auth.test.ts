import { hashPassword } from '@onemap/api/passwords'
import { openFixtureDatabase } from '@onemap/api/testing/fixture'
import { createAccount } from '@onemap/db/queries/accounts'
import type { TestDatabase } from '@onemap/db/testing'
import type { FastifyInstance } from 'fastify'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'

let db: TestDatabase
let app: FastifyInstance
const hashes: Record<string, string> = {}
beforeAll(async () => {
  hashes.planner = await hashPassword('planner-password')
  hashes.viewer = await hashPassword('viewer-password')
})
// Cases edit and spend login attempts: each gets its own fixture copy and server.
beforeEach(async () => {
  db = await openFixtureDatabase()
  await createAccount(db, { name: 'planner-li', role: 'planner', passwordHash: hashes.planner! })
  await createAccount(db, { name: 'viewer-wang', role: 'viewer', passwordHash: hashes.viewer! })
  app = await createServer({ db })
  return async () => {
    await app.close()
    await db.close()
  }
})

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: `/trpc/${path}`,
    headers: { 'content-type': 'application/json', host: 'onemap.test', ...headers },
    payload: JSON.stringify(body),
  })

async function login(name: string, password: string): Promise<string> {
  const res = await post('auth.login', { name, password })
  expect(res.statusCode).toBe(200)
  const cookie = res.cookies.find((c) => c.name === 'onemap_session')!
  return `onemap_session=${cookie.value}`
}

const setStatus = { entity: 'facility', id: 'f1', expectedVersion: 1, to: 'started', at: '2021-05-01' }

describe('sessions over HTTP', () => {
  it('sets an httpOnly, SameSite=Lax session cookie with an expiry on login', async () => {
    const res = await post('auth.login', { name: 'planner-li', password: 'planner-password' })
    const cookie = res.cookies.find((c) => c.name === 'onemap_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(new Date(cookie!.expires!).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000)
    const me = await app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      headers: { cookie: `onemap_session=${cookie!.value}` },
    })
    expect(me.json().result.data).toEqual({ name: 'planner-li', role: 'planner' })
  })

  it('refuses edits from the public (401) and from viewers (403)', async () => {
    expect((await post('edits.setStatus', setStatus)).statusCode).toBe(401)
    const viewer = await login('viewer-wang', 'viewer-password')
    expect((await post('edits.setStatus', setStatus, { cookie: viewer })).statusCode).toBe(403)
  })

  it('refuses a state-changing request from another origin with 403, and accepts the same origin', async () => {
    const planner = await login('planner-li', 'planner-password')
    const cross = await post('edits.setStatus', setStatus, { cookie: planner, origin: 'https://evil.example' })
    expect(cross.statusCode).toBe(403)
    expect(cross.json()).toMatchObject({ code: 'forbidden_origin' })
    expect(
      (await post('auth.login', { name: 'x', password: 'y' }, { origin: 'https://evil.example' })).statusCode,
    ).toBe(403)
    const same = await post('edits.setStatus', setStatus, { cookie: planner, origin: 'http://onemap.test' })
    expect(same.statusCode).toBe(200)
  })

  it('answers a stale edit with 409 carrying the current version and editor, without internals', async () => {
    const planner = await login('planner-li', 'planner-password')
    expect((await post('edits.setStatus', setStatus, { cookie: planner })).statusCode).toBe(200)
    const res = await post('edits.setStatus', { ...setStatus, to: 'completed' }, { cookie: planner })
    expect(res.statusCode).toBe(409)
    const { error } = res.json()
    expect(error.data.conflict).toMatchObject({ version: 2, updatedBy: 'planner-li' })
    expect(JSON.stringify(error)).not.toMatch(/stack|UPDATE|SELECT/)
  })

  it('limits brute-force logins with 429 and a Retry-After until the window ends', async () => {
    const answers = []
    for (let i = 0; i < 7; i++) answers.push(await post('auth.login', { name: 'viewer-wang', password: `guess-${i}` }))
    expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 429, 429])
    expect(Number(answers[5]!.headers['retry-after'])).toBeGreaterThan(14 * 60)
    expect(answers[5]!.json().error.message).toMatch(/Too many sign-in attempts; try again in \d+ s/)
  })

  it("does not let a stranger's guesses from elsewhere lock a planner out", async () => {
    const from = (ip: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json' },
        payload: { name: 'planner-li', password },
      })
    expect((await from('192.0.2.7', 'planner-password')).statusCode).toBe(200)
    const guesses = []
    for (let i = 0; i < 40; i++) guesses.push((await from(`203.0.113.${i % 8}`, `guess-${i}`)).statusCode)
    expect(guesses).toContain(429)
    // Where the planner signed in before: straight in. From a new address: in, or told to wait at most 30 s.
    expect((await from('192.0.2.7', 'planner-password')).statusCode).toBe(200)
    const elsewhere = await from('192.0.2.8', 'planner-password')
    if (elsewhere.statusCode !== 200) {
      expect(elsewhere.statusCode).toBe(429)
      expect(Number(elsewhere.headers['retry-after'])).toBeLessThanOrEqual(30)
    }
  })

  it('ends the session on logout', async () => {
    const planner = await login('planner-li', 'planner-password')
    expect((await post('auth.logout', null, { cookie: planner })).statusCode).toBe(200)
    expect((await post('edits.setStatus', setStatus, { cookie: planner })).statusCode).toBe(401)
  })
})
