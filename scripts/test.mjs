// `npm test`: install if needed, then typecheck, lint and run every package's tests.
// With DATABASE_URL set, database tests run on that PostgreSQL server; otherwise on embedded PGlite.
import { install, pnpm, run, say } from './workspace.mjs'

await install()
say(process.env.DATABASE_URL ? 'Database tests use the PostgreSQL server in DATABASE_URL' : 'Database tests use embedded PGlite')

const [command, ...prefix] = pnpm()
const turbo = (filter) =>
  run(command, [
    ...prefix,
    'turbo',
    'run',
    'typecheck',
    'lint',
    'test',
    `--filter=${filter}`,
    '--concurrency=2',
    '--continue',
    '--output-logs=new-only',
    ...process.argv.slice(2),
  ])

// The browser tests (web) run on their own after the rest: they drive real Chromium with software WebGL
// and time-bound expectations (an edit visible within 2 s), which must not share two cores with other suites.
say('Typecheck, lint and test: every package but the web app …')
const packages = await turbo('!@onemap/web')
say('Typecheck, lint and test: the web app, with its browser tests …')
const web = await turbo('@onemap/web')

if (packages !== 0 || web !== 0) {
  console.error(`[onemap] tests failed: ${[packages !== 0 && 'packages', web !== 0 && 'web app'].filter(Boolean).join(' and ')}`)
  process.exit(1)
}
say('All checks passed.')
