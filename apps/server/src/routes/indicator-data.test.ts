import { openIndicatorDatabase } from '@onemap/api/testing/indicator-fixture'
import type { TestDatabase } from '@onemap/db/testing'
import { testBackend } from '@onemap/db/testing'
import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'

let db: TestDatabase
let app: FastifyInstance
beforeAll(async () => {
  db = await openIndicatorDatabase()
  await db.query(`INSERT INTO indicator_values (indicator_id, period, value, is_sample, updated_by) VALUES
    ('gdp', '2019', 500, true, 'sample'), ('gdp', '2020', 560, false, 'planner-li')`)
  app = await createServer({ db })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

describe(`indicator open data (${testBackend})`, () => {
  it('serves a CSV with one row per indicator and period, definition and source, no names of people', async () => {
    const res = await app.inject({ method: 'GET', url: '/data/indicators.csv' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.body).not.toContain('planner-li')
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[]
    const gdp = rows.filter((r) => r.indicator_id === 'gdp')
    expect(gdp.map((r) => [r.period, r.value, r.is_sample, r.target, r.target_year, r.as_of])).toEqual([
      ['2019', '500', 'true', '700', '2022', '2020'],
      ['2020', '560', 'false', '700', '2022', '2020'],
    ])
    expect(gdp[0]?.source).toContain('2020-08-02')
    expect(gdp[0]?.definition_zh).toContain('700亿元')
    // Every indicator appears, with or without values.
    expect(new Set(rows.map((r) => r.indicator_id)).size).toBeGreaterThanOrEqual(35)
  })

  it('serves the same overview as JSON', async () => {
    const res = await app.inject({ method: 'GET', url: '/data/indicators.json' })
    expect(res.statusCode).toBe(200)
    expect(res.json().indicators.find((i: { id: string }) => i.id === 'gdp')).toMatchObject({
      asOf: '2020',
      latestIsSample: false,
    })
  })
})
