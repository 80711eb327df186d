import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importFingerprint } from '@onemap/db/queries/import'
import { testBackend } from '@onemap/db/testing'
import { cliCases, runCli } from '../testing/cli.ts'

const FIXTURES = fileURLToPath(new URL('../../../../packages/importer/fixtures/', import.meta.url))

// The real command, as `pnpm onemap import` runs it, on a fresh database per case.
const cases = cliCases('import')
const { dir } = cases
const run = (args: string[]) => runCli(['import', ...args], cases.db.env)
const fingerprint = () => cases.db.read((db) => importFingerprint(db, 'road_segments'))

describe(`pnpm onemap import (${testBackend})`, () => {
  it('imports a GBK Shapefile in EPSG:4547 and exits 0', async () => {
    const { code, out } = await run([
      join(FIXTURES, 'roads-4547-gbk.zip'),
      '--layer',
      'road_segments',
      '--actor',
      'cli-test',
    ])
    expect(out).toMatch(
      /roads-4547-gbk\.zip → road_segments \(shapefile, EPSG:4547 from layer\.prj, mode upsert\): imported/,
    )
    expect(out).toMatch(/inserted 3, updated 0/)
    expect(code).toBe(0)
  }, 300_000)

  it('refuses an unknown status label with exit 4 and leaves the database unchanged', async () => {
    const before = await fingerprint()
    const file = join(dir, 'bad-label.geojson')
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'x-1', road_id: 'kexue', status: '差不多' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [113.52, 34.807],
                [113.53, 34.808],
              ],
            },
          },
        ],
      }),
    )
    const { code, out } = await run([file, '--layer', 'road_segments'])
    expect(out).toMatch(/REFUSED: nothing written/)
    expect(out).toMatch(/feature 1 \[id x-1\]: unknown status '差不多'/)
    expect(code).toBe(4)
    expect(await fingerprint()).toEqual(before)
  }, 300_000)

  it('refuses a NUL in an attribute and the year 0000 with exit 4, a wrong zip length with exit 3: one line each, database unchanged', async () => {
    const before = await fingerprint()
    const feature = (id: string, extra: Record<string, unknown>) => ({
      type: 'Feature',
      properties: { id, road_id: 'kexue', status: '在建', ...extra },
      geometry: {
        type: 'LineString',
        coordinates: [
          [113.52, 34.807],
          [113.53, 34.808],
        ],
      },
    })
    const nul = join(dir, 'nul.geojson')
    writeFileSync(
      nul,
      JSON.stringify({ type: 'FeatureCollection', features: [feature('x-nul', { name_zh: 'a\u0000b' })] }),
    )
    const year0 = join(dir, 'year0.geojson')
    writeFileSync(
      year0,
      JSON.stringify({ type: 'FeatureCollection', features: [feature('x-y0', { planned_start: '0000-01-01' })] }),
    )
    // The fixture zip with its .dbf's declared length in the central directory made wrong.
    const zip = Buffer.from(readFileSync(join(FIXTURES, 'roads-4547-gbk.zip')))
    const central = Buffer.from([0x50, 0x4b, 0x01, 0x02])
    for (let at = zip.indexOf(central); at >= 0; at = zip.indexOf(central, at + 4)) {
      if (
        zip
          .subarray(at + 46, at + 46 + zip.readUInt16LE(at + 28))
          .toString('latin1')
          .endsWith('.dbf')
      )
        zip.writeUInt32LE(10, at + 24)
    }
    const badLength = join(dir, 'bad-length.zip')
    writeFileSync(badLength, zip)

    for (const [file, code, message] of [
      [nul, 4, /x-nul\]: attribute name_zh contains a NUL character/],
      [year0, 4, /x-y0\]: planned_start has the year 0000; dates must lie in 1900–2100/],
      [badLength, 3, /import failed, nothing written: bad-length\.zip is a damaged or truncated zip archive/],
    ] as const) {
      const { code: exit, out } = await run([file, '--layer', 'road_segments'])
      expect(out).toMatch(message)
      expect(out).not.toMatch(/failed to start|\n\s+at /)
      expect(exit).toBe(code)
    }
    expect(await fingerprint()).toEqual(before)
  }, 300_000)

  it('exits 2 for an unknown layer and 2 without --layer', async () => {
    const unknown = await run([join(FIXTURES, 'facilities-4526.geojson'), '--layer', 'schools'])
    expect(unknown.out).toMatch(/Unknown layer 'schools'/)
    expect(unknown.code).toBe(2)
    const missing = await run([join(FIXTURES, 'facilities-4526.geojson')])
    expect(missing.out).toMatch(/import needs exactly one file and --layer/)
    expect(missing.code).toBe(2)
  }, 300_000)
})
