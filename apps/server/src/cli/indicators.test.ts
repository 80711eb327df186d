import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testBackend, type TestDatabase } from '@onemap/db/testing'

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url))
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))

// The real command; on the server backend against a fresh test database, embedded in a fresh folder.
let server: TestDatabase | undefined
const dir = mkdtempSync(join(tmpdir(), 'onemap-cli-indicators-'))
const env = () => ({ ...process.env, DATABASE_URL: server?.url ?? '', ONEMAP_DATA_DIR: join(dir, 'pglite'), ONEMAP_ADMIN_PASSWORD: 'cli-test-password' })

beforeAll(async () => {
  if (testBackend === 'server') server = await openTestDatabase()
})
afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

function run(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, 'indicators', ...args], { env: env(), maxBuffer: 1 << 22 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr })
    })
  })
}

describe(`pnpm onemap indicators import (${testBackend})`, () => {
  it('refuses a file with a bad row (exit 4, row named), then imports the corrected file', async () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, '指标编码,统计期,数值\nfixed-asset-investment,2020年1-8月,301.5\ngdp,2020年8月,900\n')
    const refused = await run(['import', bad, '--actor', 'bureau'])
    expect(refused.code, refused.out).toBe(4)
    expect(refused.out).toContain("row 3: period '2020年8月' is not in the annual cadence of 'gdp'")
    expect(refused.out).toContain('nothing written')
    const good = join(dir, 'good.csv')
    writeFileSync(good, '指标编码,统计期,数值\nfixed-asset-investment,2020年1-8月,301.5\ngdp,2020年,900\n')
    const done = await run(['import', good, '--actor', 'bureau'])
    expect(done.code, done.out).toBe(0)
    // The start seeded sample values for both periods: the bureau's figures replace them.
    expect(done.out).toContain('written: 0 new, 2 changed, 0 unchanged')
  }, 180_000)

  it('explains its usage on a bad command line (exit 2)', async () => {
    const r = await run(['export', 'x.csv'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('pnpm onemap indicators import <file>')
  }, 60_000)
})
