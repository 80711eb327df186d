import { afterAll, beforeAll, expect, test } from 'vitest'
import type { TestDatabase } from '@onemap/db/testing'
import { openSeededTestDatabase } from './testing.ts'

// One seeded database for these read-only checks of what the seed wrote.
let db: TestDatabase
beforeAll(async () => {
  db = await openSeededTestDatabase()
})
afterAll(async () => {
  await db?.close()
})

async function one<T>(sql: string): Promise<T> {
  const { rows } = await db.query(sql)
  return rows[0] as T
}

test('the renewal zone measures 17.5 km² ± 1% in EPSG:4547, as stored by PostGIS', async () => {
  const { area } = await one<{ area: number }>("SELECT area_km2 AS area FROM renewal_zones WHERE id = 'renewal-south'")
  expect(Math.abs(area - 17.5) / 17.5).toBeLessThan(0.01)
})

test('the zone covers 90–110 km² in EPSG:4547', async () => {
  const { area } = await one<{ area: number }>(
    'SELECT ST_Area(ST_Transform(geom, 4547)) / 1e6 AS area FROM zone_boundary',
  )
  expect(area).toBeGreaterThan(90)
  expect(area).toBeLessThan(110)
})

/** Share of `outer` not matched by the union of `parts` (symmetric difference / area), in EPSG:4547. */
async function tilingMismatch(parts: string, outer: string): Promise<number> {
  const { ratio } = await one<{ ratio: number }>(
    `SELECT ST_Area(ST_Transform(ST_SymDifference((SELECT ST_Union(geom) FROM ${parts}), o.geom), 4547))
            / ST_Area(ST_Transform(o.geom, 4547)) AS ratio
     FROM ${outer} o`,
  )
  return ratio
}

async function worstOverlap(table: string, key: string): Promise<number> {
  const { worst } = await one<{ worst: number }>(
    `SELECT coalesce(max(ST_Area(ST_Intersection(a.geom, b.geom)) / least(ST_Area(a.geom), ST_Area(b.geom))), 0) AS worst
     FROM ${table} a JOIN ${table} b ON a.${key} < b.${key}`,
  )
  return worst
}

test('the five sub-districts tile the zone: union ≈ zone, no overlaps', async () => {
  expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM sub_districts')).n).toBe(5)
  expect(await tilingMismatch('sub_districts', 'zone_boundary')).toBeLessThan(0.005)
  expect(await worstOverlap('sub_districts', 'code')).toBeLessThan(0.001)
})

test('the eight renewal units tile the renewal zone', async () => {
  const { n, zones } = await one<{ n: number; zones: string[] }>(
    'SELECT count(*)::int AS n, array_agg(DISTINCT zone_id) AS zones FROM renewal_units',
  )
  expect(n).toBe(8)
  expect(zones).toEqual(['renewal-south'])
  expect(await tilingMismatch('renewal_units', 'renewal_zones')).toBeLessThan(0.001)
  expect(await worstOverlap('renewal_units', 'id')).toBeLessThan(0.001)
})

test('every layer has the promised number of features and is marked as a sample', async () => {
  const counts = await one<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM roads) AS roads,
            (SELECT count(*)::int FROM road_segments) AS segments,
            (SELECT count(*)::int FROM facilities WHERE kind IN ('school', 'kindergarten')) AS schools,
            (SELECT count(*)::int FROM facilities WHERE kind IN ('hospital', 'clinic', 'public_health')) AS health,
            (SELECT count(*)::int FROM facilities WHERE kind = 'public_health') AS public_health,
            (SELECT count(*)::int FROM rivers) AS rivers,
            (SELECT count(*)::int FROM water_bodies) AS water`,
  )
  expect(counts.roads).toBeGreaterThanOrEqual(40)
  expect(counts.segments).toBeGreaterThanOrEqual(150)
  expect(counts.schools).toBeGreaterThanOrEqual(25)
  expect(counts.health).toBeGreaterThanOrEqual(10)
  expect(counts.public_health).toBe(1)
  expect(counts.rivers).toBe(5)
  expect(counts.water).toBe(2)
  const { rows } = await db.query<{ layer: string; is_sample: boolean }>(
    'SELECT layer, is_sample FROM layer_sources ORDER BY layer',
  )
  expect(rows.map((r) => r.layer)).toEqual([
    'facilities',
    'renewal_units',
    'renewal_zones',
    'rivers',
    'road_segments',
    'roads',
    'sub_districts',
    'water_bodies',
    'zone_boundary',
  ])
  expect(rows.every((r) => r.is_sample)).toBe(true)
})

test('every road segment has at least two vertices and lies in the zone extent', async () => {
  const { bad } = await one<{ bad: number }>(
    `SELECT count(*)::int AS bad FROM road_segments
     WHERE ST_NPoints(geom) < 2 OR length_m < 1
        OR NOT ST_Within(geom, ST_MakeEnvelope(113.40, 34.74, 113.65, 34.88, 4490))`,
  )
  expect(bad).toBe(0)
})

test('the status history is ordered, chained, and ends in each item’s current status', async () => {
  const history = `WITH e AS (
      SELECT entity, entity_id, from_status, to_status, happened_on,
             lag(to_status) OVER w AS prev_to, lag(happened_on) OVER w AS prev_on,
             row_number() OVER (PARTITION BY entity, entity_id ORDER BY id DESC) AS from_end
      FROM status_events WINDOW w AS (PARTITION BY entity, entity_id ORDER BY id))`
  const chain = await one<{ bad: number; n: number; seed: number }>(
    `${history} SELECT count(*) FILTER (WHERE prev_to IS DISTINCT FROM from_status OR prev_on > happened_on
                                         OR happened_on NOT BETWEEN '2020-08-02' AND '2026-11-26')::int AS bad,
                       count(*)::int AS n,
                       (SELECT count(*)::int FROM status_events WHERE kind = 'seed' AND actor = 'sample-data') AS seed
                FROM e`,
  )
  expect(chain.n).toBeGreaterThan(300)
  expect(chain.bad).toBe(0)
  expect(chain.seed).toBe(chain.n)
  const mismatched = await db.query(
    `${history}
     SELECT s.id FROM road_segments s LEFT JOIN e ON e.entity = 'road_segment' AND e.entity_id = s.id AND e.from_end = 1
     WHERE s.in_programme AND e.to_status IS DISTINCT FROM s.status
     UNION ALL
     SELECT f.id FROM facilities f LEFT JOIN e ON e.entity = 'facility' AND e.entity_id = f.id AND e.from_end = 1
     WHERE f.in_programme AND e.to_status IS DISTINCT FROM f.status`,
  )
  expect(mismatched.rows).toEqual([])
})

test('the current statuses are a realistic mix', async () => {
  const { rows } = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM road_segments WHERE in_programme GROUP BY status',
  )
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]))
  const total = rows.reduce((s, r) => s + r.n, 0)
  expect((by.completed ?? 0) / total).toBeGreaterThan(0.4)
  expect(by.under_construction).toBeGreaterThan(5)
  expect(by.planned).toBeGreaterThan(5)
  expect(by.suspended).toBeGreaterThanOrEqual(2)
  // Planned items are overdue: they were due before the 2023-08-02 deadline and have not started.
  const { late } = await one<{ late: number }>(
    "SELECT count(*)::int AS late FROM road_segments WHERE status = 'planned' AND in_programme AND planned_start > '2023-08-02'",
  )
  expect(late).toBe(0)
})

test('高新医院 is the real programme hospital with 1,000 beds, started 2022-03-04', async () => {
  const row = await one<Record<string, unknown>>(
    "SELECT capacity, capacity_unit, is_real, in_programme, to_char(actual_start, 'YYYY-MM-DD') AS started FROM facilities WHERE id = 'f-gxyy'",
  )
  expect(row).toEqual({
    capacity: 1000,
    capacity_unit: 'beds',
    is_real: true,
    in_programme: true,
    started: '2022-03-04',
  })
})

test('every facility and water body lies inside the zone', async () => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT f.id FROM facilities f, zone_boundary z WHERE NOT ST_Within(f.geom, z.geom)
     UNION ALL SELECT w.id FROM water_bodies w, zone_boundary z WHERE NOT ST_Within(w.geom, z.geom)`,
  )
  expect(rows).toEqual([])
})
