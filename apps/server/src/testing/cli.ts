import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeEach } from 'vitest'
import { openDatabase, type Database } from '@onemap/db/database'
import { testBackend } from '@onemap/db/testing'
import { copySeededEmbeddedFolder, openSeededTestDatabase } from '@onemap/seeds/testing'

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url))
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))

export interface CliResult {
  code: number
  /** stdout and stderr. */
  out: string
}

/** Runs the real command line, as `pnpm onemap <args>` does, with `env` added to this process's. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 22 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr })
    })
  })
}

/** A database a command-line test points the command at, and reads itself between commands. */
export interface CliDatabase {
  /** DATABASE_URL (server backend) or ONEMAP_DATA_DIR (embedded) for the command. */
  env: Record<string, string>
  /** Runs `fn` on this database (embedded: opened for the call, so never while a command runs). */
  read<T>(fn: (db: Database) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * A fresh seeded database, as a first start of the command would leave it: on the server backend a new
 * test database; embedded, an unopened copy of the seeded folder, which the command opens itself (an
 * embedded database has one owner at a time). One per test case: the commands write.
 */
export async function openCliDatabase(): Promise<CliDatabase> {
  if (testBackend === 'server') {
    const db = await openSeededTestDatabase()
    return { env: { DATABASE_URL: db.url! }, read: (fn) => fn(db), close: () => db.close() }
  }
  const folder = await copySeededEmbeddedFolder()
  return {
    env: { DATABASE_URL: '', ONEMAP_DATA_DIR: folder.dataDir },
    async read(fn) {
      const db = await openDatabase({ dataDir: folder.dataDir })
      try {
        return await fn(db)
      } finally {
        await db.close()
      }
    },
    close: async () => folder.remove(),
  }
}

/**
 * Hooks for a file of command-line tests: every case gets a fresh database (`cases.db`, see openCliDatabase),
 * the file one scratch folder for input files (`cases.dir`), removed after its last case.
 */
export function cliCases(name: string): { readonly db: CliDatabase; readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `onemap-cli-${name}-`))
  let db: CliDatabase | undefined
  beforeEach(async () => {
    const opened = (db = await openCliDatabase())
    return () => opened.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return {
    dir,
    get db() {
      if (!db) throw new Error('cliCases: no case is running')
      return db
    },
  }
}
