import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { createGzip } from 'node:zlib'
import type pg from 'pg'
import { SCHEMA, type Database } from '../database.ts'
import { ident, schemaSequences, schemaTables } from './catalogue.ts'

/** First line of every backup: what it is and which migrations its tables follow. */
export interface BackupHeader {
  format: 'onemap-backup'
  version: 1
  createdAt: string
  backend: Database['kind']
  migrations: { id: number; name: string; checksum: string }[]
}

const BATCH = 2000

/**
 * Writes a logical backup of the whole OneMap schema to `file` (gzipped JSON lines): a header, then per
 * table its stored columns, its rows as arrays of PostgreSQL text values (geometry as hex EWKB, bytea as
 * hex, timestamps with offset — all lossless) and a row count, then the sequences. Read in one
 * REPEATABLE READ transaction, so it is one consistent moment even while edits go on. The file appears
 * under its name only when complete.
 */
export async function backupDatabase(db: Database, file: string): Promise<{ tables: number; rows: number }> {
  const partial = `${file}.partial`
  let tables = 0
  let rows = 0
  try {
    await db.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
      const lines = dumpLines(client, db.kind, (t, n) => {
        tables = t
        rows += n
      })
      await pipeline(Readable.from(lines), createGzip(), createWriteStream(partial))
    })
    await rename(partial, file)
  } catch (err) {
    await rm(partial, { force: true })
    throw err
  }
  return { tables, rows }
}

async function* dumpLines(
  client: pg.PoolClient,
  backend: Database['kind'],
  counted: (tables: number, rows: number) => void,
): AsyncGenerator<string> {
  const { rows: migrations } = await client.query<{ id: number; name: string; checksum: string }>(
    `SELECT id, name, checksum FROM ${SCHEMA}.schema_migrations ORDER BY id`,
  )
  const header: BackupHeader = {
    format: 'onemap-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    backend,
    migrations,
  }
  yield `${JSON.stringify(header)}\n`
  const tables = await schemaTables(client)
  for (const [index, table] of tables.entries()) {
    yield `${JSON.stringify({ table: table.name, columns: table.columns.map((c) => c.name) })}\n`
    const select = `SELECT ARRAY[${table.columns.map((c) => `${ident(c.name)}::text`).join(', ')}] AS r FROM ${SCHEMA}.${ident(table.name)}`
    const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(ident).join(', ')}` : ''
    let n = 0
    for (let offset = 0; ; offset += BATCH) {
      // Without a primary key there is no stable order to page by: read the table at once.
      const page = table.primaryKey.length ? `${select}${order} LIMIT ${BATCH} OFFSET ${offset}` : select
      const { rows } = await client.query<{ r: (string | null)[] }>(page)
      for (const row of rows) yield `${JSON.stringify(row.r)}\n`
      n += rows.length
      if (!table.primaryKey.length || rows.length < BATCH) break
    }
    counted(index + 1, n)
    yield `${JSON.stringify({ end: table.name, rows: n })}\n`
  }
  yield `${JSON.stringify({ sequences: await schemaSequences(client) })}\n`
  yield `${JSON.stringify({ end: 'backup', tables: tables.length })}\n`
}
