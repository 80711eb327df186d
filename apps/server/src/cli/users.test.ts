import { existsSync, statSync } from 'node:fs'
import { openFixtureDatabase } from '@onemap/api/testing/fixture'
import { testBackend, type TestDatabase } from '@onemap/db/testing'
import type { FastifyInstance } from 'fastify'
import { beforeEach, describe, expect, it } from 'vitest'
import { inspectBackup } from '@onemap/db/backup/restore'
import { createServer } from '../app.ts'
import { localAdminPath, publishLocalAdmin } from '../auth/local-admin.ts'
import { runCli } from '../testing/cli.ts'

// A running server holds the database (embedded: its folder, so the command must go through the server;
// server backend: the command opens the database beside it).
// Each case: its own fixture copy and server, as the commands add accounts.
let db: TestDatabase
let app: FastifyInstance
beforeEach(async () => {
  db = await openFixtureDatabase()
  app = await createServer({ db })
  publishLocalAdmin(app, db, db.location)
  await app.listen({ port: 0, host: '127.0.0.1' })
  return async () => {
    await app?.close()
    await db?.close()
  }
}, 120_000)

const cliEnv = () => ({ ONEMAP_DATA_DIR: db.location, DATABASE_URL: db.url ?? '' })
const users = (...args: string[]) => runCli(['users', ...args], cliEnv())

describe(`pnpm onemap users while the server runs (${testBackend})`, () => {
  it('adds, lists, disables and re-enables an account, audited as the command line', async () => {
    if (testBackend === 'embedded') expect((statSync(localAdminPath(db.location)).mode & 0o777).toString(8)).toBe('600')
    const added = await users('add', 'planner-cli', '--role', 'planner')
    expect(added.code).toBe(0)
    const password = /with password (\S+) \(shown only now\)/.exec(added.out)?.[1]
    expect(password).toHaveLength(18)
    if (testBackend === 'embedded') expect(added.out).toMatch(/holds the database; asking it/)

    const login = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: { name: 'planner-cli', password },
    })
    expect(login.statusCode).toBe(200)
    expect((await users('list')).out).toMatch(/planner-cli\tplanner\t1 sessions/)

    const disabled = await users('disable', 'planner-cli')
    expect(disabled).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Done: disable 'planner-cli'; 1 sessions ended/),
    })
    expect((await users('list')).out).toMatch(/planner-cli\tplanner\t\(disabled\)\t0 sessions/)
    expect((await users('enable', 'planner-cli')).code).toBe(0)

    const { rows } = await db.query<{ actor: string; action: string }>(
      "SELECT actor, action FROM account_events WHERE account = 'planner-cli' ORDER BY id",
    )
    expect(rows.map((r) => r.action)).toEqual(['create', 'disable', 'enable'])
    expect(rows.every((r) => r.actor.startsWith('cli:'))).toBe(true)
  }, 300_000)

  it('refuses a taken name with exit 1 and a bad command line with exit 2, each in one line', async () => {
    expect((await users('add', 'planner-cli', '--role', 'planner')).code).toBe(0)
    expect(await users('add', 'planner-cli', '--role', 'viewer')).toMatchObject({
      code: 1,
      out: expect.stringMatching(/already exists/),
    })
    expect(await users('add', 'someone', '--role', 'emperor')).toMatchObject({
      code: 2,
      out: expect.stringMatching(/needs --role viewer\|planner\|admin/),
    })
    expect(await users('disable', 'nobody-at-all')).toMatchObject({
      code: 1,
      out: expect.stringMatching(/No account named 'nobody-at-all'/),
    })
  }, 300_000)

  it.skipIf(testBackend !== 'embedded')(
    'backs up the embedded database through the server that holds it; others get 403',
    async () => {
      expect((await app.inject({ method: 'GET', url: '/local-admin/backup' })).statusCode).toBe(403)
      const file = `${db.location}-backup.onemap.gz`
      const result = await runCli(['backup', file], cliEnv())
      expect(result.out).toMatch(/holds the database; it writes the backup/)
      expect(result.out).toMatch(/Backup written to .*: \d+ tables, \d+ rows/)
      expect(result.code).toBe(0)
      const { tables } = await inspectBackup(file)
      expect(tables).toBeGreaterThan(10)
    },
    300_000,
  )

  it.skipIf(testBackend !== 'embedded')('removes the token file when the server closes', async () => {
    const other = await createServer({ db })
    const dataDir = `${db.location}-other`
    publishLocalAdmin(other, db, dataDir)
    await other.listen({ port: 0, host: '127.0.0.1' })
    expect(existsSync(localAdminPath(dataDir))).toBe(true)
    await other.close()
    expect(existsSync(localAdminPath(dataDir))).toBe(false)
  })
})
