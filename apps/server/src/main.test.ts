import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const serverDir = fileURLToPath(new URL('..', import.meta.url))

/** Runs `tsx src/main.ts` with the given environment; resolves with exit code, output and duration. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(`${serverDir}node_modules/.bin/tsx`, ['src/main.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code) => {
      clearTimeout(killer)
      resolve({ code, output, ms: Date.now() - started })
    })
  })
}

describe('start-up failures', () => {
  it('exits non-zero within 15 s when DATABASE_URL cannot connect, naming host and port only', async () => {
    const silent: Server = createServer(() => {})
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    const port = (silent.address() as { port: number }).port
    const result = await runMain({ DATABASE_URL: `postgres://ops:TopSecret9@127.0.0.1:${port}/onemap`, PORT: '0' })
    silent.close()
    expect(result.code).not.toBe(0)
    expect(result.ms).toBeLessThan(15_000)
    expect(result.output).toContain(`127.0.0.1:${port}`)
    expect(result.output).not.toContain('TopSecret9')
    expect(result.output).not.toMatch(/\n\s+at /)
  })

  it('names a bad environment variable', async () => {
    const result = await runMain({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })
    expect(result.code).not.toBe(0)
    expect(result.output).toMatch(/PORT/)
    expect(result.output).toMatch(/DATABASE_URL: must be a postgres/)
  })
})
