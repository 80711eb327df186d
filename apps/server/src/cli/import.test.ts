import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '@onemap/db/database'
import { importFingerprint } from '@onemap/db/queries/import'
import { openTestDatabase, testBackend, type TestDatabase } from '@onemap/db/testing'

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url))
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../../../../packages/importer/fixtures/', import.meta.url))

// The real command, as `pnpm onemap import` runs it. On the server backend it gets a fresh test database;
// embedded, a fresh data folder that the child opens itself (an embedded database has one owner at a time).
let server: TestDatabase | undefined
const dir = mkdtempSync(join(tmpdir(), 'onemap-cli-import-'))
const env = () => ({
  ...process.env,
  DATABASE_URL: server?.url ?? '',
  ONEMAP_DATA_DIR: join(dir, 'pglite'),
})

beforeAll(async () => {
  if (testBackend === 'server') server = await openTestDatabase()
})
afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

function run(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, 'import', ...args], { env: env(), maxBuffer: 1 << 22 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr })
    })
  })
}

async function fingerprint() {
  if (server) return importFingerprint(server, 'road_segments')
  const db = await openDatabase({ dataDir: join(dir, 'pglite') })
  try {
    return await importFingerprint(db, 'road_segments')
  } finally {
    await db.close()
  }
}

describe(`pnpm onemap import (${testBackend})`, () => {
  it('imports a GBK Shapefile in EPSG:4547 and exits 0', async () => {
    const { code, out } = await run([join(FIXTURES, 'roads-4547-gbk.zip'), '--layer', 'road_segments', '--actor', 'cli-test'])
    expect(out).toMatch(/roads-4547-gbk\.zip → road_segments \(shapefile, EPSG:4547 from layer\.prj, mode upsert\): imported/)
    expect(out).toMatch(/inserted 3, updated 0/)
    expect(code).toBe(0)
  }, 300_000)

  it('refuses an unknown status label with exit 4 and leaves the database unchanged', async () => {
    const before = await fingerprint()
    const file = join(dir, 'bad-label.geojson')
    writeFileSync(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'x-1', road_id: 'kexue', status: '差不多' }, geometry: { type: 'LineString', coordinates: [[113.52, 34.807], [113.53, 34.808]] } }],
    }))
    const { code, out } = await run([file, '--layer', 'road_segments'])
    expect(out).toMatch(/REFUSED: nothing written/)
    expect(out).toMatch(/feature 1 \[id x-1\]: unknown status '差不多'/)
    expect(code).toBe(4)
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
