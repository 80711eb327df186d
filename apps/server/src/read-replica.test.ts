import { openDatabase, type Database } from '@onemap/db/database'
import { openTestDatabase, testBackend, type TestDatabase } from '@onemap/db/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './app.ts'

const onServer = testBackend === 'server'
let primary: TestDatabase
let db: Database
let app: FastifyInstance
beforeAll(async () => {
  if (!onServer) return
  primary = await openTestDatabase()
  db = await openDatabase({
    url: primary.url,
    dataDir: '',
    readUrl: 'postgres://onemap@127.0.0.1:1/replica',
    poolSize: 2,
  })
  app = await createServer({ db })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
  await primary?.close()
})

describe.skipIf(!onServer)('a read replica that is down', () => {
  it('leaves /healthz ok, saying reads go to the primary, and OGC still answers', async () => {
    const health = await app.inject({ method: 'GET', url: '/healthz' })
    expect(health.statusCode).toBe(200)
    expect(health.json()).toMatchObject({
      ok: true,
      readReplica: { state: 'down', location: expect.stringContaining('127.0.0.1:1') },
    })
    expect((await app.inject({ method: 'GET', url: '/ogc/collections/facilities/items?limit=1' })).statusCode).toBe(200)
  })
})
