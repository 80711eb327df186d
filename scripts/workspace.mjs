// Bootstrap shared by `npm start`, `npm test` and `npm run onemap`: needs nothing but Node.js.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PNPM_VERSION = '10.34.8'

export const say = (line) => console.log(`[onemap] ${line}`)

/** The pnpm to run: the one on PATH when it is version 10, otherwise pnpm 10 through npx. */
export function pnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm']
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`]
}

/**
 * Spawns a command in the repository root (Ctrl-C and SIGTERM are passed on to it); `attach` may read its
 * piped output. Resolves with its exit code once its output has ended.
 */
function spawnInRoot(command, args, { env = process.env, cwd = ROOT, stdio = 'inherit', attach } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { TURBO_TELEMETRY_DISABLED: '1', ...env }, stdio })
    attach?.(child)
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

/** Runs a command in the repository root with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return spawnInRoot(command, args, options)
}

// What marks a failure in turbo's and vitest's output: a failed file or test, an assertion or error message,
// turbo's closing list of failed tasks.
const FAILURE_LINE =
  /(^|:)\s+[×✗] |\bFAIL\b|Failed Tests|AssertionError|\b\w*Error:|\bexpected\b|Failed:|ERR_PNPM|ELIFECYCLE|timed out/
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/**
 * Like `run`, and also keeps the lines that tell what failed (at most `keep`), so that a long run can repeat
 * them at its very end: CI shows only the tail of the output, where the failures of an early pass are lost.
 */
export async function runKeepingFailures(command, args, { keep = 200, ...options } = {}) {
  const failures = []
  const partial = { stdout: '', stderr: '' }
  const collect = (stream, chunk, to) => {
    to.write(chunk)
    const lines = (partial[stream] + String(chunk)).split('\n')
    partial[stream] = lines.pop() ?? ''
    for (const raw of lines) {
      const line = raw.replace(ANSI, '').trimEnd()
      if (failures.length < keep && FAILURE_LINE.test(line) && !line.includes('✓')) failures.push(line)
    }
  }
  const code = await spawnInRoot(command, args, {
    ...options,
    stdio: ['inherit', 'pipe', 'pipe'],
    attach: (child) => {
      child.stdout.on('data', (chunk) => collect('stdout', chunk, process.stdout))
      child.stderr.on('data', (chunk) => collect('stderr', chunk, process.stderr))
    },
  })
  return { code, failures }
}

/** Runs pnpm with the given arguments; exits the process on failure, naming the step. */
export async function pnpmStep(title, args, options) {
  say(title)
  const [command, ...prefix] = pnpm()
  const code = await run(command, [...prefix, ...args], options)
  if (code !== 0) {
    console.error(`[onemap] step failed (${title}), exit code ${code}`)
    process.exit(code)
  }
}

/** Installs the workspace's dependencies exactly as locked; quick when already installed. */
export async function install() {
  await pnpmStep('Installing dependencies (pnpm install) …', ['install', '--frozen-lockfile', '--prefer-offline'])
}
