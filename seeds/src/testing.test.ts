import { afterAll, beforeAll, expect, test } from 'vitest'
import type { TestDatabase } from '@onemap/db/testing'
import { openSeededTestDatabase } from './testing.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openSeededTestDatabase()
})
afterAll(async () => {
  await db?.close()
})

test('a seeded test database holds the programme', async () => {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM programme')
  expect(rows.map((r) => r.id)).toEqual(['gaoxin-2020-three-year'])
})
