import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './database.ts'
import { openTestDatabase, testBackend } from './testing/test-database.ts'

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
  await db.query(
    `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind)
     VALUES ('facility', 'f-1', 'planned', 'started', '2022-03-04', 'tester', 'edit')`,
  )
})
afterAll(async () => {
  await db?.close()
})

const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM status_events')).rows[0]?.n

describe(`status_events is append-only (${testBackend})`, () => {
  it('accepts inserts', async () => {
    expect(await count()).toBe(1)
  })
  it.each([
    ['UPDATE', "UPDATE status_events SET note = 'rewritten'"],
    ['DELETE', 'DELETE FROM status_events'],
    ['TRUNCATE', 'TRUNCATE status_events'],
  ])('refuses %s and keeps the row', async (op, sql) => {
    await expect(db.query(sql)).rejects.toThrow(new RegExp(`append-only: ${op}`))
    expect(await count()).toBe(1)
    const { rows } = await db.query<{ note: string | null }>('SELECT note FROM status_events')
    expect(rows[0]?.note).toBeNull()
  })
})
