import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { BackupError } from '@onemap/db/backup/catalogue'
import { backupDatabase } from '@onemap/db/backup/dump'
import { inspectBackup, restoreDatabase } from '@onemap/db/backup/restore'
import { openDatabase, type Database } from '@onemap/db/database'
import type { Env } from '../env.ts'

export const BACKUP_USAGE = `pnpm onemap backup <file>              write every OneMap table (edits, audit trail, accounts) to <file>
pnpm onemap restore <file> [--replace] replace all OneMap data with the backup in <file>
      (--replace is needed when the database holds data; stop every OneMap server first)
Exit codes: 0 done, 2 bad command line, 3 unusable backup file (nothing changed), 1 other failure`

async function withDatabase<T>(env: Env, say: (line: string) => void, fn: (db: Database) => Promise<T>): Promise<T> {
  // Opened without migrating or seeding: a backup reads the database as it is, a restore rebuilds it.
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.ONEMAP_DATA_DIR })
  say(`Database: ${db.kind} at ${db.location}`)
  try {
    return await fn(db)
  } finally {
    await db.close()
  }
}

/** `pnpm onemap backup|restore …`; returns the process exit code. */
export async function runBackupCommand(command: 'backup' | 'restore', args: string[], env: Env, say: (line: string) => void): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { replace: { type: 'boolean', default: false } } })
  } catch (err) {
    console.error(`[onemap] ${(err as Error).message}\n${BACKUP_USAGE}`)
    return 2
  }
  const [file, ...extra] = parsed.positionals
  if (!file || extra.length > 0 || (command === 'backup' && parsed.values.replace)) {
    console.error(`[onemap] ${command} needs exactly one file\n${BACKUP_USAGE}`)
    return 2
  }
  if (command === 'restore' && !existsSync(file)) {
    console.error(`[onemap] ${file} does not exist`)
    return 3
  }
  try {
    // A restore reads the whole file first: a damaged one is refused before any database is opened.
    if (command === 'restore') {
      const { header, tables, rows } = await inspectBackup(file)
      say(`${file}: backup of ${header.createdAt} (${header.backend}), ${tables} tables, ${rows} rows`)
    }
    return await withDatabase(env, say, async (db) => {
      if (command === 'backup') {
        const { tables, rows } = await backupDatabase(db, file)
        say(`Backup written to ${file}: ${tables} tables, ${rows} rows`)
      } else {
        const { tables, rows } = await restoreDatabase(db, file, { replace: parsed.values.replace })
        say(`Restored ${file}: ${tables} tables, ${rows} rows. Restart running OneMap servers so their caches start afresh.`)
      }
      return 0
    })
  } catch (err) {
    if (!(err instanceof BackupError)) throw err
    console.error(`[onemap] ${command} failed, nothing changed: ${err.message}`)
    return 3
  }
}
