import { hashPassword } from '@onemap/api/passwords'
import { appRouter } from '@onemap/api/root'
import type { Database } from '@onemap/db/database'
import { createAccount } from '@onemap/db/queries/accounts'
import { openTestDatabase, testBackend } from '@onemap/db/testing'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './app.ts'

// Whatever a caller sends, the answer is a 4xx naming the problem: never a 5xx, never database text.
const DATABASE_TEXT =
  /SELECT|ST_|relation|syntax|postgres|PostGIS|violates|invalid input|undefined|at .*\.ts|node_modules/i

let db: Database
let app: FastifyInstance
let cookie: string
beforeAll(async () => {
  db = await openSeededTestDatabase()
  await createAccount(db, {
    name: 'planner-bad',
    role: 'planner',
    passwordHash: await hashPassword('planner-bad-password'),
  })
  app = await createServer({ db })
  const login = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { name: 'planner-bad', password: 'planner-bad-password' },
  })
  cookie = String(login.headers['set-cookie']).split(';')[0]!
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

async function call(path: string, type: 'query' | 'mutation', input: unknown, withCookie = true) {
  const headers = withCookie ? { cookie } : {}
  return type === 'query'
    ? app.inject({ method: 'GET', url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, headers })
    : app.inject({ method: 'POST', url: `/trpc/${path}`, payload: input as object, headers })
}

function refused(res: { statusCode: number; body: string }, text: string | RegExp) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(400)
  expect(res.body).toMatch(text)
  expect(res.body).not.toMatch(DATABASE_TEXT)
}

describe(`tRPC bad input (${testBackend})`, () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
    .filter(([, p]) => p._def.type !== 'subscription')
    .map(([path, p]) => [path, p._def.type as 'query' | 'mutation'] as const)

  it('knows every procedure', () => {
    expect(procedures.length).toBeGreaterThan(15)
  })

  it.each(procedures)('%s refuses NUL in any string of its input', async (path, type) => {
    refused(await call(path, type, { id: 'a\u0000b' }), /'id' must not contain NUL/)
    refused(
      await call(path, type, { deep: [{ x: 'ok' }, { y: ['fine', 'x\u0000'] }] }, false),
      /'deep\.1\.y\.1' must not contain NUL/,
    )
  })

  const SEGMENT = { entity: 'road_segment', id: 's-none', expectedVersion: 1 }
  const dates: [string, 'query' | 'mutation', (d: string) => unknown][] = [
    ['progress.asOf', 'query', (d) => ({ date: d })],
    ['progress.changesSince', 'query', (d) => ({ since: d })],
    ['edits.setStatus', 'mutation', (d) => ({ ...SEGMENT, to: 'under_construction', at: d })],
    [
      'edits.revisePlan',
      'mutation',
      (d) => ({ ...SEGMENT, revisedStart: d, revisedFinish: null, reason: 're-planned' }),
    ],
    [
      'edits.revisePlan',
      'mutation',
      (d) => ({ ...SEGMENT, revisedStart: null, revisedFinish: d, reason: 're-planned' }),
    ],
    ['features.query', 'query', (d) => ({ layer: 'road_segments', filter: { plannedFrom: d } })],
    ['features.query', 'query', (d) => ({ layer: 'road_segments', filter: { plannedTo: d } })],
    ['analysis.segments', 'query', (d) => ({ filter: { plannedFrom: d } })],
    ['analysis.export', 'query', (d) => ({ filter: { plannedTo: d } })],
  ]
  const cases = dates.flatMap(([path, type, input]) =>
    ['0000-01-01', '1899-12-31', '2101-01-01', '99999-01-01'].map((d) => [path, d, type, input] as const),
  )
  it.each(cases)('%s refuses the date %s', async (path, date, type, input) => {
    refused(
      await call(path, type, input(date)),
      date.length === 10 ? /between 1900-01-01 and 2100-12-31/ : /YYYY-MM-DD/,
    )
  })

  it('still accepts the edges of the range', async () => {
    expect((await call('progress.asOf', 'query', { date: '1900-01-01' })).statusCode).toBe(200)
    expect((await call('progress.changesSince', 'query', { since: '2100-12-31' })).statusCode).toBe(200)
  })
})

describe(`tile and OGC bad input (${testBackend})`, () => {
  const items = '/ogc/collections/facilities/items'
  const cases: [string, string][] = [
    ['/tiles/road_segments/2/0/0.mvt?plannedFrom=0000-01-01', "'plannedFrom'"],
    ['/tiles/road_segments/2/0/0.mvt?plannedTo=2101-01-01', "'plannedTo'"],
    ['/tiles/road_segments.json?plannedFrom=1899-12-31', "'plannedFrom'"],
    ['/tiles/road_segments/2/0/0.mvt?q=a%00', "'q'"],
    ...['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'].flatMap((key): [string, string][] => [
      [`${items}?crs=${key}`, "'crs'"],
      [`${items}?bbox=1,2,3,4&bbox-crs=${key}`, "'bbox-crs'"],
      [`/ogc/collections/facilities/items/f1?crs=${key}`, "'crs'"],
    ]),
    [
      `${items}?bbox=-2e7,-3e7,2e7,3e7&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3857')}`,
      "'bbox'",
    ],
    [
      `${items}?bbox=-30000000,0,0,1&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3857')}`,
      "'bbox'",
    ],
    // EPSG:4547 takes northing first: a northing past the pole, an easting far off the meridian.
    [
      `${items}?bbox=3800000,400000,90000000,600000&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4547')}`,
      "'bbox'",
    ],
    [
      `${items}?bbox=3800000,-5000000,3900000,600000&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4547')}`,
      "'bbox'",
    ],
  ]
  it.each(cases.map(([url, param]) => [url.slice(0, 110), param, url] as const))(
    '%s → 400 naming %s',
    async (_label, param, url) => {
      const res = await app.inject({ method: 'GET', url })
      refused(res, param)
    },
  )

  it('still serves a bbox inside the projected domain', async () => {
    const url = `${items}?bbox=3800000,400000,3900000,600000&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4547')}`
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200)
  })
})

describe(`unexpected errors (${testBackend})`, () => {
  it('are logged with the request id and answered without internals', async () => {
    const broken = await openTestDatabase()
    const lines: string[] = []
    const server = await createServer({ db: broken, logStream: { write: (line) => void lines.push(line) } })
    try {
      // A real database fault: the table the procedure reads is gone.
      await broken.query('DROP TABLE programme CASCADE')
      const res = await server.inject({ method: 'GET', url: '/trpc/progress.summary' })
      expect(res.statusCode).toBe(500)
      const requestId = String(res.headers['x-request-id'])
      expect(requestId).toMatch(/^[0-9a-f]{16}$/)
      const body = res.json() as { error: { message: string; data: { requestId: string } } }
      expect(body.error.message).toBe(`Internal server error (request id ${requestId})`)
      expect(body.error.data.requestId).toBe(requestId)
      expect(res.body).not.toMatch(DATABASE_TEXT)
      const logged = lines.map((l) => JSON.parse(l) as { reqId?: string; msg: string; err?: { message: string } })
      expect(logged.find((l) => l.reqId === requestId && l.msg === 'procedure failed')?.err?.message).toMatch(
        /programme/,
      )
    } finally {
      await server.close()
      await broken.close()
    }
  })
})
