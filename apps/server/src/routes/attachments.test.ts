import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jpegAt } from '@onemap/api/testing/duban-files'
import { processFile } from '@onemap/api/duban/process-file'
import { insertAttachment } from '@onemap/db/queries/duban/attachments'
import { migrate } from '@onemap/db/migrate'
import { hashPassword } from '@onemap/api/passwords'
import { createAccount } from '@onemap/db/queries/accounts'
import { assignAccountUnit } from '@onemap/db/queries/duban/units'
import { openDatabase } from '@onemap/db/database'
import { openTestDatabase, testBackend, type TestDatabase } from '@onemap/db/testing'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'
import { openDubanFixture } from '@onemap/api/testing/duban-fixture'

let db: TestDatabase
let app: FastifyInstance
const cookies: Record<string, string> = {}
const ACCOUNTS = [
  ['planner-zhao', 'planner'],
  ['unit-a-login', 'unit'],
  ['unit-b-login', 'unit'],
] as const
const passwordHashes = new Map<string, string>()
beforeAll(async () => {
  for (const [name] of ACCOUNTS) passwordHashes.set(name, await hashPassword(`${name}-password`))
})
// Each case uploads what it serves: its own fixture copy, accounts and server.
beforeEach(async () => {
  db = await openDubanFixture()
  for (const [name, role] of ACCOUNTS) await createAccount(db, { name, role, passwordHash: passwordHashes.get(name)! })
  await assignAccountUnit(db, 'unit-a-login', 'unit-a')
  await assignAccountUnit(db, 'unit-b-login', 'unit-b')
  app = await createServer({ db })
  for (const name of ['planner-zhao', 'unit-a-login', 'unit-b-login']) {
    const res = await post('auth.login', { name, password: `${name}-password` })
    cookies[name] = `onemap_session=${res.cookies.find((c) => c.name === 'onemap_session')!.value}`
  }
  return async () => {
    await app?.close()
    await db?.close()
  }
})

function post(path: string, body: unknown, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: `/trpc/${path}`,
    headers: { 'content-type': 'application/json', host: 'onemap.test', ...(cookie ? { cookie } : {}) },
    payload: JSON.stringify(body),
  })
}
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers })

type Photo = { id: number; url: string; thumbUrl: string }

/** Issues an order on segment s2 to unit A and uploads `jpeg` to it as that unit; answers the upload response. */
async function uploadToOrder(jpeg: Buffer) {
  const orderId = (
    await post(
      'duban.orders.issue',
      { items: [{ entity: 'road_segment', id: 's2' }], unitId: 'unit-a', request: '补拍', dueOn: '2026-12-30' },
      cookies['planner-zhao'],
    )
  ).json().result.data.id
  return post(
    'duban.attachments.upload',
    { entity: 'road_segment', id: 's2', orderId, fileName: '现场.jpg', dataBase64: jpeg.toString('base64') },
    cookies['unit-a-login'],
  )
}

/** A small photo uploaded by unit A to its order. */
async function uploadedPhoto(): Promise<Photo> {
  const res = await uploadToOrder(await jpegAt(113.55, 34.795))
  expect(res.statusCode).toBe(200)
  return res.json().result.data
}

describe('attachments over HTTP', () => {
  it('uploads a photo larger than the 1 MiB default body limit through /trpc as the unit of the order', async () => {
    // Random pixels do not compress: a genuinely large JPEG.
    const noise = Buffer.from(Array.from({ length: 1200 * 1200 * 3 }, (_, i) => (i * 2654435761) % 251))
    const big = await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer()
    expect(big.length).toBeGreaterThan(1_100_000)
    const res = await uploadToOrder(big)
    expect(res.statusCode).toBe(200)
    const photo: Photo = res.json().result.data
    expect(photo.url).toMatch(/^\/attachments\/\d+\/[0-9a-f]{16}\/file$/)
  })

  it("serves the file to the office and the order's unit, 403 to another unit, 401 to the public", async () => {
    const photo = await uploadedPhoto()
    const office = await get(photo.url, { cookie: cookies['planner-zhao']! })
    expect(office.statusCode).toBe(200)
    expect(office.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
    })
    expect(office.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent('现场.jpg')}`)
    expect((await get(photo.url, { cookie: cookies['unit-a-login']! })).statusCode).toBe(200)
    expect((await get(photo.url, { cookie: cookies['unit-b-login']! })).statusCode).toBe(403)
    expect((await get(photo.thumbUrl)).statusCode).toBe(401)
  })

  it('answers 304 to a matching ETag and 404 to a wrong hash', async () => {
    const photo = await uploadedPhoto()
    const first = await get(photo.thumbUrl, { cookie: cookies['planner-zhao']! })
    expect(first.headers['content-type']).toBe('image/webp')
    expect(
      (await get(photo.thumbUrl, { cookie: cookies['planner-zhao']!, 'if-none-match': String(first.headers.etag) }))
        .statusCode,
    ).toBe(304)
    expect((await get(photo.thumbUrl.replace(/\/[0-9a-f]{16}\//, '/0000000000000000/'))).statusCode).toBe(404)
  })

  it("serves a public photo's thumbnail to anyone with a short shared cache, but never its original", async () => {
    const photo = await uploadedPhoto()
    await post('duban.attachments.setPublic', { id: photo.id, isPublic: true }, cookies['planner-zhao'])
    const pub = await get(photo.thumbUrl)
    expect(pub.statusCode).toBe(200)
    expect(pub.headers['cache-control']).toBe('public, max-age=300')
    expect((await get(photo.url)).statusCode).toBe(401)
  })

  it('refuses a wrong type over HTTP with 415 and no stack or SQL', async () => {
    const res = await post(
      'duban.attachments.upload',
      { entity: 'road_segment', id: 's2', fileName: 'x.png', dataBase64: Buffer.from('<svg/>').toString('base64') },
      cookies['planner-zhao'],
    )
    expect(res.statusCode).toBe(415)
    expect(res.body).not.toMatch(/at .*\.ts|SELECT|INSERT/)
  })
})

describe(`backup and restore keep attachments (${testBackend})`, () => {
  it.skipIf(testBackend !== 'embedded')(
    'a copy of the closed embedded data folder (its backup) carries every attachment byte for byte',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'onemap-backup-'))
      try {
        const live = await openDatabase({ dataDir: join(dir, 'live') })
        const file = await processFile(await jpegAt(113.55, 34.79))
        let sha: string
        try {
          await migrate(live)
          sha = (
            await live.transaction((c) =>
              insertAttachment(c, {
                ...file,
                entity: 'facility',
                entityId: 'f-x',
                orderId: null,
                fileName: 'a.jpg',
                uploadedBy: 'test',
              }),
            )
          ).sha256
        } finally {
          await live.close()
        }
        cpSync(join(dir, 'live'), join(dir, 'restored'), { recursive: true })
        const restored = await openDatabase({ dataDir: join(dir, 'restored') })
        try {
          const row = (
            await restored.query<{ sha: string; thumb: Buffer }>(
              `SELECT encode(sha256(content), 'hex') AS sha, thumbnail AS thumb FROM attachments`,
            )
          ).rows
          expect(row.map((r) => r.sha)).toEqual([sha])
          expect(Buffer.compare(row[0]!.thumb, file.thumbnail!)).toBe(0)
        } finally {
          await restored.close()
        }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    120_000,
  )

  it.skipIf(testBackend !== 'server')(
    'pg_dump → pg_restore into a new database carries every attachment byte for byte',
    async () => {
      await uploadedPhoto()
      const before = (
        await db.query<{ id: number; sha: string }>(
          `SELECT id::int AS id, encode(sha256(content), 'hex') AS sha FROM attachments ORDER BY id`,
        )
      ).rows
      expect(before.length).toBeGreaterThan(0)
      const dump = execFileSync('pg_dump', ['-Fc', '--no-owner', db.url!], { maxBuffer: 256 * 1024 * 1024 })
      const target = await openTestDatabase({ empty: true })
      try {
        execFileSync('pg_restore', ['--no-owner', '-d', target.url!], { input: dump })
        const restored = await openDatabase({ url: target.url!, dataDir: '' })
        try {
          const after = (
            await restored.query<{ id: number; sha: string }>(
              `SELECT id::int AS id, encode(sha256(content), 'hex') AS sha FROM onemap.attachments ORDER BY id`,
            )
          ).rows
          expect(after).toEqual(before)
        } finally {
          await restored.close()
        }
      } finally {
        await target.close()
      }
    },
  )
})
