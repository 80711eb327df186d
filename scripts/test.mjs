// `npm test`: install if needed, then typecheck, lint and run every package's tests.
// With DATABASE_URL set, database tests run on that PostgreSQL server; otherwise on embedded PGlite.
import { install, pnpmStep, say } from './workspace.mjs'

await install()
say(process.env.DATABASE_URL ? 'Database tests use the PostgreSQL server in DATABASE_URL' : 'Database tests use embedded PGlite')
await pnpmStep('Typecheck, lint and test …', [
  'turbo',
  'run',
  'typecheck',
  'lint',
  'test',
  '--concurrency=2',
  '--continue',
  '--output-logs=new-only',
  ...process.argv.slice(2),
])
say('All checks passed.')
