import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Database } from '@onemap/db/database'
import { testBackend } from '@onemap/db/testing'
import { LAYERS } from '@onemap/domain/layers'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'

// GDAL (Debian gdal-bin) is a real OGC API Features client: what QGIS uses underneath.
const run = promisify(execFile)
let db: Database
let app: FastifyInstance
let url: string
let dir: string
beforeAll(async () => {
  db = await openSeededTestDatabase()
  app = await createServer({ db })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  url = `OAPIF:http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/ogc`
  dir = mkdtempSync(join(tmpdir(), 'onemap-ogc-'))
})
afterAll(async () => {
  await app?.close()
  await db?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

type Coordinates = number | Coordinates[]
/** Largest difference between two coordinate trees of the same shape (Infinity when shapes differ). */
function maxDiff(a: Coordinates, b: Coordinates): number {
  if (typeof a === 'number' || typeof b === 'number')
    return typeof a === typeof b ? Math.abs((a as number) - (b as number)) : Infinity
  if (a.length !== b.length) return Infinity
  return Math.max(0, ...a.map((x, i) => maxDiff(x, b[i] as Coordinates)))
}

describe(`GDAL reads the OGC API (${testBackend})`, () => {
  it('ogrinfo lists every collection with the database feature count', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-q', url])
    for (const layer of LAYERS) expect(stdout).toContain(`: ${layer.id} (`)
    for (const layer of LAYERS) {
      const table = layer.id
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
      const info = await run('ogrinfo', ['-ro', '-so', url, table])
      expect(info.stdout, table).toContain(`Feature Count: ${rows[0]?.n}`)
    }
  })

  it('ogr2ogr copies roads and facilities to a GeoPackage with geometry within 1e-6°', async () => {
    const gpkg = join(dir, 'onemap.gpkg')
    await run('ogr2ogr', ['-f', 'GPKG', gpkg, url, 'road_segments', 'facilities'])
    for (const table of ['road_segments', 'facilities']) {
      const out = join(dir, `${table}.geojson`)
      await run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=9', out, gpkg, table])
      const copied = JSON.parse(readFileSync(out, 'utf8')) as {
        features: { properties: { id: string }; geometry: { coordinates: Coordinates } }[]
      }
      const { rows } = await db.query<{ id: string; g: { coordinates: Coordinates } }>(
        `SELECT id, ST_AsGeoJSON(geom, 9)::json AS g FROM ${table}`,
      )
      expect(copied.features).toHaveLength(rows.length)
      const byId = new Map(copied.features.map((f) => [f.properties.id, f.geometry.coordinates]))
      for (const row of rows) {
        const coords = byId.get(row.id)
        expect(coords, row.id).toBeDefined()
        expect(maxDiff(coords as Coordinates, row.g.coordinates), row.id).toBeLessThanOrEqual(1e-6)
      }
    }
  })
})
