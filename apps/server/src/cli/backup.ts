import { createWriteStream, existsSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { BackupError } from '@onemap/db/backup/catalogue'
import { backupDatabase } from '@onemap/db/backup/dump'
import { inspectBackup, restoreDatabase } from '@onemap/db/backup/restore'
import { openDatabase, type Database } from '@onemap/db/database'
import {
  LOCAL_ACTOR_HEADER,
  LOCAL_ADMIN_HEADER,
  LOCAL_BACKUP_PATH,
  readLocalAdmin,
  type LocalAdminFile,
} from '../auth/local-admin.ts'
import type { Env } from '../env.ts'

export const BACKUP_USAGE = `pnpm onemap backup <file>              write every OneMap table (edits, audit trail, accounts) to <file>
pnpm onemap restore <file> [--replace] replace all OneMap data with the backup in <file>
      (--replace is needed when the database holds data; stop every OneMap server first)
      A backup of the embedded database while a server holds it is made by that server.
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
export async function runBackupCommand(
  command: 'backup' | 'restore',
  args: string[],
  env: Env,
  say: (line: string) => void,
): Promise<number> {
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
  const running = command === 'backup' && !env.DATABASE_URL ? readLocalAdmin(env.ONEMAP_DATA_DIR) : null
  if (running) return backupThroughServer(running, file, say)
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
        say(
          `Restored ${file}: ${tables} tables, ${rows} rows. Restart running OneMap servers so their caches start afresh.`,
        )
      }
      return 0
    })
  } catch (err) {
    if (!(err instanceof BackupError)) throw err
    console.error(`[onemap] ${command} failed, nothing changed: ${err.message}`)
    return 3
  }
}

/** The server holding the embedded folder writes the backup; the file appears only when complete. */
async function backupThroughServer(server: LocalAdminFile, file: string, say: (line: string) => void): Promise<number> {
  say(`The server at ${server.url} holds the database; it writes the backup`)
  let actor = 'unknown'
  try {
    actor = userInfo().username
  } catch {
    // a uid without a passwd entry
  }
  const res = await fetch(server.url + LOCAL_BACKUP_PATH, {
    headers: { [LOCAL_ADMIN_HEADER]: server.token, [LOCAL_ACTOR_HEADER]: actor },
  })
  if (!res.ok || !res.body) {
    console.error(`[onemap] backup failed: the server answered ${res.status}`)
    return 1
  }
  const partial = `${file}.partial`
  try {
    await pipeline(Readable.fromWeb(res.body), createWriteStream(partial))
    await rename(partial, file)
  } catch (err) {
    await rm(partial, { force: true })
    throw err
  }
  const { tables, rows } = await inspectBackup(file)
  say(`Backup written to ${file}: ${tables} tables, ${rows} rows`)
  return 0
}
