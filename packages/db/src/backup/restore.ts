import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import type pg from 'pg'
import { SCHEMA, type Database } from '../database.ts'
import {
  applyMigration,
  ensureMigrationsTable,
  readMigrations,
  withMigrationLock,
  type MigrationFile,
} from '../migrate.ts'
import { BackupError, ident, schemaTables, type TableInfo } from './catalogue.ts'
import type { BackupHeader } from './dump.ts'

const BATCH = 1000

/** Parsed lines of a backup file; a damaged file becomes a BackupError naming it. */
async function* readBackup(file: string): AsyncGenerator<unknown> {
  const gunzip = createGunzip()
  const input = createReadStream(file).on('error', (err) => gunzip.destroy(err))
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })
  let n = 0
  try {
    for await (const line of lines) {
      n++
      try {
        yield JSON.parse(line)
      } catch {
        throw new BackupError(`${file} is not a OneMap backup: line ${n} is not JSON`)
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err
    const code = (err as { code?: string }).code
    if (code === 'ENOENT') throw new BackupError(`${file} does not exist`)
    throw new BackupError(
      `${file} is not a readable OneMap backup (truncated, or not gzip?): ${(err as Error).message}`,
    )
  }
}

function checkHeader(file: string, header: unknown, code: MigrationFile[]): BackupHeader {
  const h = header as Partial<BackupHeader> | undefined
  if (h?.format !== 'onemap-backup' || h.version !== 1 || !Array.isArray(h.migrations)) {
    throw new BackupError(`${file} is not a OneMap backup (no onemap-backup header)`)
  }
  for (const m of h.migrations) {
    const ours = code.find((f) => f.id === m.id)
    if (!ours)
      throw new BackupError(
        `${file} was made by a newer OneMap (migration ${m.name}); update OneMap before restoring it`,
      )
    if (ours.checksum !== m.checksum)
      throw new BackupError(
        `${file} was made with a different ${m.name} than this OneMap has; it cannot be restored here`,
      )
  }
  return h as BackupHeader
}

/**
 * Reads a whole backup without touching any database and says what it holds; a damaged, truncated or
 * foreign file, or one from a newer OneMap, throws a BackupError. Restoring checks again as it loads.
 */
export async function inspectBackup(file: string): Promise<{ header: BackupHeader; tables: number; rows: number }> {
  const lines = readBackup(file)
  const first = await lines.next()
  const header = checkHeader(file, first.done ? undefined : first.value, readMigrations())
  let open: string | undefined
  let rows = 0
  let counted = 0
  let tables = 0
  for await (const line of lines) {
    if (Array.isArray(line)) {
      if (!open) throw new BackupError(`${file} is damaged: a row outside a table`)
      counted++
      continue
    }
    const entry = line as { table?: string; end?: string; rows?: number; tables?: number }
    if (entry.table !== undefined) {
      open = entry.table
      counted = 0
    } else if (entry.end === 'backup') {
      if (entry.tables !== tables)
        throw new BackupError(`${file} is damaged: it lists ${entry.tables} tables but holds ${tables}`)
      return { header, tables, rows }
    } else if (entry.end !== undefined) {
      if (entry.end !== open || entry.rows !== counted)
        throw new BackupError(`${file} is damaged: table ${entry.end} does not hold the rows it lists`)
      rows += counted
      tables++
      open = undefined
    }
  }
  throw new BackupError(`${file} is incomplete: it ends before its last table (truncated copy?)`)
}

/** True when any OneMap table but the layer versions holds a row (a seeded or used database). */
async function holdsData(db: Database): Promise<boolean> {
  const client = await db.pool.connect()
  try {
    for (const t of await schemaTables(client)) {
      if (t.name === 'layer_versions') continue
      const { rows } = await client.query<{ any: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${SCHEMA}.${ident(t.name)}) AS any`,
      )
      if (rows[0]?.any) return true
    }
    return false
  } finally {
    client.release()
  }
}

/**
 * Replaces the whole OneMap schema with the backup in `file`, in one transaction: the schema is rebuilt
 * by the migrations the backup was made with, its rows loaded with triggers off (no notifications, no
 * version bumps, the append-only guards idle), sequences set, then any newer migrations applied. Any
 * problem — damaged file, unknown table, a count that does not match — rolls everything back.
 * Refuses a database that holds data unless `replace` is set.
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  { replace = false } = {},
): Promise<{ tables: number; rows: number }> {
  const code = readMigrations()
  const lines = readBackup(file)
  const first = await lines.next()
  const header = checkHeader(file, first.done ? undefined : first.value, code)
  return withMigrationLock(db, async () => {
    if (!replace && (await holdsData(db))) {
      throw new BackupError(
        'The database holds data; restoring replaces all of it (edits, audit trail, accounts). Pass --replace to go ahead',
      )
    }
    return db.transaction(async (client) => {
      await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
      await ensureMigrationsTable(client)
      const level = Math.max(0, ...header.migrations.map((m) => m.id))
      for (const f of code.filter((f) => f.id <= level)) await applyMigration(client, f)
      const tables = await schemaTables(client)
      const all = tables.map((t) => `${SCHEMA}.${ident(t.name)}`)
      for (const t of all) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`)
      // Rows some migrations insert (e.g. the layer list) are replaced by the backup's own.
      if (all.length) await client.query(`TRUNCATE ${all.join(', ')}`)
      const loaded = await loadRows(client, file, lines, tables)
      for (const t of all) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`)
      for (const f of code.filter((f) => f.id > level)) await applyMigration(client, f)
      return loaded
    })
  })
}

async function loadRows(client: pg.PoolClient, file: string, lines: AsyncGenerator<unknown>, tables: TableInfo[]) {
  let table: { info: TableInfo; columns: TableInfo['columns']; rows: number; batch: unknown[][] } | undefined
  let total = 0
  let sections = 0
  const flush = async () => {
    if (!table || table.batch.length === 0) return
    const cols = table.columns.map((c) => ident(c.name)).join(', ')
    const casts = table.columns.map((c, i) => `(r->>${i})::${c.type}`).join(', ')
    await client.query(
      `INSERT INTO ${SCHEMA}.${ident(table.info.name)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${casts} FROM json_array_elements($1::json) AS r`,
      [JSON.stringify(table.batch)],
    )
    table.batch = []
  }
  for await (const line of lines) {
    if (Array.isArray(line)) {
      if (!table || line.length !== table.columns.length)
        throw new BackupError(`${file} is damaged: a row outside a table or of the wrong width`)
      table.batch.push(line)
      table.rows++
      if (table.batch.length >= BATCH) await flush()
      continue
    }
    const entry = line as {
      table?: string
      columns?: string[]
      end?: string
      rows?: number
      tables?: number
      sequences?: { name: string; lastValue: string | null; isCalled: boolean }[]
    }
    if (entry.table !== undefined) {
      const info = tables.find((t) => t.name === entry.table)
      if (!info) throw new BackupError(`${file} holds a table '${entry.table}' that this schema does not have`)
      const columns = (entry.columns ?? []).map((name) => {
        const column = info.columns.find((c) => c.name === name)
        if (!column)
          throw new BackupError(`${file} holds a column ${entry.table}.${name} that this schema does not have`)
        return column
      })
      table = { info, columns, rows: 0, batch: [] }
    } else if (entry.sequences) {
      for (const s of entry.sequences) {
        if (s.lastValue !== null)
          await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
            `${SCHEMA}.${ident(s.name)}`,
            s.lastValue,
            s.isCalled,
          ])
      }
    } else if (entry.end === 'backup') {
      if (entry.tables !== sections)
        throw new BackupError(`${file} is damaged: it lists ${entry.tables} tables but holds ${sections}`)
      return { tables: sections, rows: total }
    } else if (entry.end !== undefined) {
      await flush()
      if (!table || entry.end !== table.info.name || entry.rows !== table.rows)
        throw new BackupError(`${file} is damaged: table ${entry.end} does not hold the rows it lists`)
      total += table.rows
      sections++
      table = undefined
    }
  }
  throw new BackupError(`${file} is incomplete: it ends before its last table (truncated copy?)`)
}
