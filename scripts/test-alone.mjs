// `npm run test:alone`: runs every test file of the workspace on its own (one vitest process per file), to
// prove that no file needs another to have run first. Best on the PostgreSQL server (DATABASE_URL set):
// each database there is a CREATE DATABASE … TEMPLATE away, where an embedded copy takes seconds to open.
// Browser tests (apps/web/e2e) are left out: they already run one file at a time, each with its own
// server, database and browser. Two files run at once (ONEMAP_TEST_ALONE_JOBS to change).
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT, say } from './workspace.mjs'

const PACKAGES = [
  'packages/domain',
  'packages/geo',
  'packages/db',
  'packages/importer',
  'packages/api',
  'seeds',
  'apps/server',
  'apps/web',
]
const jobs = Math.max(1, Number(process.env.ONEMAP_TEST_ALONE_JOBS) || 2)

/** Test files of a package: every src/…/*.test.ts, as each package's vitest config includes. */
function testFiles(pkg) {
  const src = join(ROOT, pkg, 'src')
  return readdirSync(src, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.test.ts') && !name.split('/').includes('node_modules'))
    .sort()
    .map((name) => ({ pkg, file: join('src', name) }))
}

/** Runs one file in its package with that package's vitest; resolves with the exit code and the output. */
function runAlone({ pkg, file }) {
  const vitest = join(ROOT, pkg, 'node_modules', '.bin', 'vitest')
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(vitest, ['run', file], { cwd: join(ROOT, pkg), env: { ...process.env, FORCE_COLOR: '0' } })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('close', (code) => resolve({ code: code ?? 1, out, seconds: Math.round((Date.now() - started) / 1000) }))
  })
}

const queue = PACKAGES.filter((pkg) => existsSync(join(ROOT, pkg, 'vitest.config.ts'))).flatMap(testFiles)
say(
  `Running ${queue.length} test files one by one (${jobs} at a time) on ${process.env.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : 'embedded PGlite'} …`,
)
const failed = []
async function worker() {
  for (let next = queue.shift(); next; next = queue.shift()) {
    const name = relative(ROOT, join(ROOT, next.pkg, next.file))
    const { code, out, seconds } = await runAlone(next)
    if (code === 0) {
      console.log(`  ok    ${name} (${seconds} s)`)
    } else {
      failed.push(name)
      console.log(`  FAIL  ${name} (${seconds} s)\n${out}`)
    }
  }
}
await Promise.all(Array.from({ length: jobs }, worker))
if (failed.length) {
  console.error(`[onemap] ${failed.length} test file(s) failed when run alone:\n  ${failed.join('\n  ')}`)
  process.exit(1)
}
say('Every test file passed on its own.')
