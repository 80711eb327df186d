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

/** Runs a command in the repository root with inherited output; resolves with its exit code. */
export function run(command, args, { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { TURBO_TELEMETRY_DISABLED: '1', ...env }, stdio: 'inherit' })
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
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
