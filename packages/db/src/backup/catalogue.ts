import type pg from 'pg'
import { SCHEMA } from '../database.ts'

/** A backup file could not be used; the message names the file and the problem (exit code 3 in the CLI). */
export class BackupError extends Error {
  override name = 'BackupError'
}

export interface TableInfo {
  name: string
  /** Stored (not generated) columns in table order, with their SQL types for casting text back. */
  columns: { name: string; type: string }[]
  primaryKey: string[]
}

type Queryable = Pick<pg.PoolClient, 'query'>

/**
 * Every table of the OneMap schema except the migration record, parents before children (foreign keys),
 * ties by name. Read from the catalogue, so tables added by later migrations are included without a list.
 */
export async function schemaTables(q: Queryable): Promise<TableInfo[]> {
  const { rows: tables } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migrations'
      ORDER BY c.relname`,
    [SCHEMA],
  )
  const { rows: edges } = await q.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE k.contype = 'f' AND n.nspname = $1 AND ch.oid <> pa.oid`,
    [SCHEMA],
  )
  const { rows: columns } = await q.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
    [SCHEMA],
  )
  const { rows: keys } = await q.query<{ table: string; name: string }>(
    `SELECT c.relname AS table, a.attname AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, pos)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = $1 AND i.indisprimary ORDER BY c.relname, k.pos`,
    [SCHEMA],
  )
  const info = new Map<string, TableInfo>(tables.map((t) => [t.name, { name: t.name, columns: [], primaryKey: [] }]))
  for (const c of columns) info.get(c.table)?.columns.push({ name: c.name, type: c.type })
  for (const k of keys) info.get(k.table)?.primaryKey.push(k.name)

  const ordered: TableInfo[] = []
  const placed = new Set<string>()
  const parents = (t: string) => edges.filter((e) => e.child === t && info.has(e.parent)).map((e) => e.parent)
  while (ordered.length < info.size) {
    const next = [...info.keys()].find((t) => !placed.has(t) && parents(t).every((p) => placed.has(p)))
    if (!next) throw new Error('the OneMap schema has a cycle of foreign keys; a backup cannot order its tables')
    placed.add(next)
    ordered.push(info.get(next)!)
  }
  return ordered
}

/** Sequences of the schema with their state, so restored ids continue where the backup left off. */
export async function schemaSequences(
  q: Queryable,
): Promise<{ name: string; lastValue: string | null; isCalled: boolean }[]> {
  const { rows: names } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'S' ORDER BY c.relname`,
    [SCHEMA],
  )
  const out = []
  for (const { name } of names) {
    const { rows } = await q.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${SCHEMA}.${ident(name)}`,
    )
    out.push({ name, lastValue: rows[0]?.last_value ?? null, isCalled: rows[0]?.is_called ?? false })
  }
  return out
}

/** Quotes an identifier read from the catalogue (never from input) for SQL text. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
