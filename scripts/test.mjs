// `npm test`: install if needed, check manifests against imports (knip), then typecheck, lint and run every
// package's tests.
// With DATABASE_URL set, database tests run on that PostgreSQL server; otherwise on embedded PGlite.
import { install, pnpm, run, runKeepingFailures, say } from './workspace.mjs'

await install()
say(
  process.env.DATABASE_URL
    ? 'Database tests use the PostgreSQL server in DATABASE_URL'
    : 'Database tests use embedded PGlite',
)

const [command, ...prefix] = pnpm()

// One pass over the whole workspace (knip.jsonc): a declared dependency nothing imports, an import of an
// undeclared one, or an export nothing uses fails the run. It reads code only, so it runs before the suites.
say('Unused dependencies, exports and files (knip) …')
const unused = await run(command, [...prefix, 'knip'])
// The formatter owns layout and line length (.prettierrc.json); `pnpm format` rewrites what this refuses.
say('Formatting (prettier --check) …')
const unformatted = await run(command, [...prefix, 'format:check'])
const turbo = (filter) =>
  runKeepingFailures(command, [
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
const { code: packages, failures: packageFailures } = await turbo('!@onemap/web')
say('Typecheck, lint and test: the web app, with its browser tests …')
const { code: web, failures: webFailures } = await turbo('@onemap/web')

if (unused !== 0 || unformatted !== 0 || packages !== 0 || web !== 0) {
  const failed = [
    unused !== 0 && 'unused code or dependencies (knip)',
    unformatted !== 0 && 'formatting (run pnpm format)',
    packages !== 0 && 'packages',
    web !== 0 && 'web app',
  ]
  // Repeated here because a reader of a long run (CI) often sees only its last lines.
  for (const [pass, code, lines] of [
    ['every package but the web app', packages, packageFailures],
    ['the web app', web, webFailures],
  ]) {
    if (code === 0) continue
    console.error(`[onemap] what failed in ${pass}:`)
    for (const line of lines) console.error(`  ${line}`)
  }
  console.error(`[onemap] tests failed: ${failed.filter(Boolean).join(' and ')}`)
  process.exit(1)
}
say('All checks passed.')
