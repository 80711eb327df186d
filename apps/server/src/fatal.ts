import { DatabaseOpenError, MigrationError } from '@onemap/db/database'
import { EnvError } from './env.ts'

/** Prints a start-up failure as one clear line (no stack for expected failures) and exits non-zero. */
export function reportFatal(err: unknown): never {
  if (err instanceof DatabaseOpenError || err instanceof MigrationError || err instanceof EnvError) {
    console.error(`[onemap] ${err.message}`)
  } else {
    console.error('[onemap] failed to start:', err)
  }
  process.exit(1)
}
