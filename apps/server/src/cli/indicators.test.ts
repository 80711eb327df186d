import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testBackend } from '@onemap/db/testing'
import { cliCases, runCli } from '../testing/cli.ts'

// The real command, on a fresh database per case.
const cases = cliCases('indicators')
const { dir } = cases
const run = (args: string[]) =>
  runCli(['indicators', ...args], { ...cases.db.env, ONEMAP_ADMIN_PASSWORD: 'cli-test-password' })

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
