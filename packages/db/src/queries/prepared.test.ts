import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/test-database.ts'
import { preparedQuery } from './prepared.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db?.close()
})

// Tiles ask for binary results (queries/tiles.ts). Unpatched node-pg decodes every field as UTF-8
// first (brianc/node-postgres#3495): bytes above 0x7f came back damaged and int4 1000 as 1007.
describe(`binary results through the patched pg (${testBackend})`, () => {
  const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
  // Larger than one socket read (64 kB), so the row arrives in several chunks the parser joins.
  const large = Buffer.alloc(1200 * every.length, every)

  it('hand a bytea over byte for byte, next to binary numbers and UTF-8 text', async () => {
    const { rows } = await preparedQuery<{ small: Buffer; big: Buffer; n: number; name: string; none: null }>(
      db,
      'tile',
      `SELECT $1::bytea AS small, decode(repeat(encode($1::bytea, 'hex'), $2::int), 'hex') AS big,
              1000::int4 AS n, '高新区'::text AS name, NULL::bytea AS none`,
      [every, large.length / every.length],
      'once',
      { binary: true },
    )
    const row = rows[0]
    expect(Buffer.isBuffer(row?.small)).toBe(true)
    expect(row?.small.equals(every)).toBe(true)
    expect(row?.big.length).toBe(large.length)
    expect(row?.big.equals(large)).toBe(true)
    expect(row?.n).toBe(1000)
    expect(row?.name).toBe('高新区')
    expect(row?.none).toBeNull()
  })

  it('leave the next text query on the same connection as text', async () => {
    await db.transaction(async (client) => {
      // `binary` is a query option of pg that its type definitions leave out.
      const binary = { text: 'SELECT $1::bytea AS b', values: [every], binary: true }
      await client.query(binary)
      const { rows } = await client.query<{ b: Buffer; n: number; name: string }>(
        "SELECT '\\x00ff'::bytea AS b, 1000::int4 AS n, '高新区'::text AS name",
      )
      // Text format: pg-types parses a bytea's hex text into a Buffer and an int4 into a number.
      expect(rows[0]).toEqual({ b: Buffer.from([0, 255]), n: 1000, name: '高新区' })
    })
  })
})
