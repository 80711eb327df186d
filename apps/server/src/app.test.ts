import type { Database } from '@onemap/db/database'
import { readMigrations } from '@onemap/db/migrate'
import { openTestDatabase, testBackend } from '@onemap/db/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './app.ts'

let db: Database
let app: FastifyInstance
beforeAll(async () => {
  db = await openTestDatabase()
  app = await createServer({ db })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

describe(`HTTP basics (${testBackend})`, () => {
  it('GET /healthz reports backend, PostGIS and migration', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toEqual({
      ok: true,
      database: testBackend,
      postgis: expect.stringMatching(/^3\.\d+/),
      migration: readMigrations().length,
    })
  })

  it('answers an unknown route with a JSON 404 naming it', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope?x=1' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ code: 'not_found', description: 'No route GET /nope' })
  })

  it('answers an unknown tRPC procedure with 404 and no stack trace', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/nothing.here' })
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toMatch(/at .*\.ts:\d+/)
  })
})
