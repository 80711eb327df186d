import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { transformPosition } from '@onemap/geo/crs'

// The importer converts Gauss-Krüger with proj4 in Node; PostGIS (PROJ) computes areas and tiles from the
// stored data. The two must agree, or an imported boundary would not match its own measurements.
let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db?.close()
})

it.each(['EPSG:4547', 'EPSG:4526'] as const)(
  'PostGIS ST_Transform and proj4 agree to 1 mm for %s across the zone',
  async (crs) => {
    const srid = Number(crs.slice(5))
    for (const [lon, lat] of [
      [113.4, 34.74],
      [113.52, 34.81],
      [113.65, 34.88],
    ] as [number, number][]) {
      const { rows } = await db.query<{ x: number; y: number }>(
        'SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4490), $3::int) g',
        [lon, lat, srid],
      )
      const [x, y] = transformPosition('EPSG:4490', crs, [lon, lat])
      expect(Math.hypot((rows[0]?.x as number) - x, (rows[0]?.y as number) - y)).toBeLessThan(0.001)
    }
  },
)
