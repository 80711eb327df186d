import { parseArgs } from 'node:util'
import { reseed, seedIfEmpty } from '@onemap/seeds/seed'
import { prepareDatabase } from './boot.ts'
import { BACKUP_USAGE, runBackupCommand } from './cli/backup.ts'
import { BRIEF_USAGE, runBrief } from './cli/brief.ts'
import { IMPORT_USAGE, runImport } from './cli/import.ts'
import { INDICATORS_USAGE, runIndicators } from './cli/indicators.ts'
import { runUsers, USERS_USAGE } from './cli/users.ts'
import { loadEnv } from './env.ts'
import { reportFatal } from './fatal.ts'

const USAGE = `Usage: pnpm onemap <command>
  seed [--reset]     seed an empty database; --reset drops all OneMap data and reseeds
  migrate            apply pending migrations
  import <file> --layer <layer> [--crs …] [--mode upsert|replace] [--encoding …] [--dry-run] [--actor …]
                     import authoritative data (pnpm onemap import --help for details)
  indicators import <file> [--actor …] [--dry-run]
                     import indicator values from a statistics-bureau .xlsx or .csv (all or nothing)
  users list|add|role|password|disable|enable|end-sessions …
                     manage accounts, also while the server runs (pnpm onemap users --help)
  backup <file>      write all OneMap data to a file
  restore <file> [--replace]
                     replace all OneMap data with a backup (pnpm onemap backup --help)
  brief --since YYYY-MM-DD [--area 410172xxx] [--lang zh|en] [--out brief.pdf]
                     the weekly meeting brief as an A4 PDF (headless Chromium)`

const say = (line: string) => console.log(`[onemap] ${line}`)

async function main(argv: string[]) {
  const [command, ...rest] = argv
  const env = loadEnv()
  switch (command) {
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { reset: { type: 'boolean', default: false } } })
      const db = await prepareDatabase(env, say, { seed: false })
      try {
        const result = values.reset ? await reseed(db) : await seedIfEmpty(db)
        say(result.reason)
      } finally {
        await db.close()
      }
      return
    }
    case 'migrate': {
      const db = await prepareDatabase(env, say, { seed: false })
      await db.close()
      return
    }
    case 'import': {
      if (rest.includes('--help')) console.log(IMPORT_USAGE)
      else process.exitCode = await runImport(rest, env, say)
      return
    }
    case 'indicators': {
      if (rest.includes('--help')) console.log(INDICATORS_USAGE)
      else process.exitCode = await runIndicators(rest, env, say)
      return
    }
    case 'users': {
      if (rest.includes('--help')) console.log(USERS_USAGE)
      else process.exitCode = await runUsers(rest, env, say)
      return
    }
    case 'backup':
    case 'restore': {
      if (rest.includes('--help')) console.log(BACKUP_USAGE)
      else process.exitCode = await runBackupCommand(command, rest, env, say)
      return
    }
    case 'brief': {
      if (rest.includes('--help')) console.log(BRIEF_USAGE)
      else process.exitCode = await runBrief(rest, env, say)
      return
    }
    default:
      console.error(command ? `Unknown command '${command}'.\n${USAGE}` : USAGE)
      process.exit(2)
  }
}

main(process.argv.slice(2)).catch(reportFatal)
