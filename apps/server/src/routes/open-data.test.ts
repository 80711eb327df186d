import { openFixtureDatabase } from '@onemap/api/testing/fixture'
import { testBackend, type TestDatabase } from '@onemap/db/testing'
import { findLayer } from '@onemap/domain/layers'
import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'

let db: TestDatabase
let app: FastifyInstance
beforeAll(async () => {
  db = await openFixtureDatabase()
  app = await createServer({ db })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

const get = (url: string) => app.inject({ method: 'GET', url })
const fieldNames = (layer: string) => findLayer(layer)?.fields.map((f) => f.name) ?? []

describe(`open data downloads (${testBackend})`, () => {
  it('serve a whole layer as GeoJSON with exactly its public fields', async () => {
    const res = await get('/data/facilities.geojson')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/)
    expect(res.headers['content-disposition']).toBe('attachment; filename="onemap-facilities.geojson"')
    const fc = res.json() as { features: { id: string; properties: Record<string, unknown> }[] }
    expect(fc.features.map((f) => f.id)).toEqual(['c1', 'f1', 'f2', 'f3'])
    for (const f of fc.features) expect(Object.keys(f.properties)).toEqual(fieldNames('facilities'))
    expect(res.body).not.toMatch(/updated_by|"seed"/)
  })

  it('serve the same rows as CSV with a WKT column that spreadsheets read as UTF-8', async () => {
    const res = await get('/data/road_segments.csv')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.body.startsWith('\uFEFF')).toBe(true)
    const rows = parse(res.body.slice(1), { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r.id)).toEqual(['s1', 's2', 's3', 's4'])
    expect(Object.keys(rows[0] ?? {})).toEqual([...fieldNames('road_segments'), 'wkt'])
    expect(rows[0]?.name_zh).toBe('测试路')
    expect(rows[0]?.in_programme).toMatch(/^(true|false)$/)
    expect(rows[0]?.wkt).toMatch(/^LINESTRING\(113\.55 34\.78,113\.55 34\.79\)$/)
  })

  it('answer 400 naming the parameter for an unknown layer, format or query parameter', async () => {
    for (const url of ['/data/users.csv', '/data/facilities.xlsx', '/data/facilities.csv?x=1']) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.json().description, url).toMatch(/Parameter '(file|x)'/)
    }
  })
})
