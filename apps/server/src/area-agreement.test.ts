import type { TestDatabase } from '@onemap/db/testing'
import { callerAs, VIEWER } from '@onemap/api/testing/fixture'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// On the seeded zone, every way of asking "what is in this sub-district" must count the same items:
// the map/table filter (features.query, analysis.segments), roads.unbuilt and progress.summary.
let db: TestDatabase
const NOW = new Date('2024-05-01T04:00:00Z')
const UNBUILT = ['planned', 'under_construction', 'suspended']

beforeAll(async () => {
  db = await openSeededTestDatabase()
})
afterAll(async () => {
  await db?.close()
})

interface Props {
  length_m?: number
  in_programme: boolean
  status: string
}

async function featureIds(layer: 'road_segments' | 'facilities', subDistrict?: string) {
  const page = await callerAs(db, null, NOW).features.query({
    layer,
    filter: subDistrict ? { subDistrict } : {},
    limit: 5000,
  })
  expect(page.nextCursor ?? null).toBeNull()
  return page.features.map((f) => ({ id: String(f.id), ...(f.properties as unknown as Props) }))
}

describe('sub-district counts agree across features.query, analysis.segments, roads.unbuilt and progress.summary', () => {
  it('has a segment crossing a sub-district border, so the rule is exercised', async () => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM road_segments s
        WHERE (SELECT count(*) FROM sub_districts d WHERE ST_Intersects(d.geom, s.geom)) > 1`,
    )
    expect(rows[0]?.n).toBeGreaterThan(0)
  })

  it('places each segment and facility in one sub-district and sums to the total', async () => {
    const caller = callerAs(db, VIEWER, NOW)
    const summary = await caller.progress.summary()
    const unbuilt = await caller.roads.unbuilt({ pageSize: 200 })
    expect(unbuilt.total).toBeLessThanOrEqual(200)
    const codes = summary.bySubDistrict.map((d) => d.code).filter((c): c is string => c !== null)
    expect(codes.length).toBeGreaterThan(1)
    const allRoads = await featureIds('road_segments')
    const allFacilities = await featureIds('facilities')
    const seen = new Map<string, string>()
    let roadsM = 0
    let facilities = 0
    for (const code of codes) {
      const district = summary.bySubDistrict.find((d) => d.code === code)
      const roads = (await featureIds('road_segments', code)).filter((r) => r.in_programme)
      const plannedM = roads.reduce((sum, r) => sum + (r.length_m ?? 0), 0)
      // features.query rounds lengths to 0.1 m; allow that rounding per segment.
      expect(Math.abs(plannedM - (district?.roads.plannedM ?? 0)), code).toBeLessThanOrEqual(0.05 * roads.length + 1e-6)
      const notBuilt = roads
        .filter((r) => UNBUILT.includes(r.status))
        .map((r) => r.id)
        .sort()
      expect(
        unbuilt.rows
          .filter((r) => r.subDistrictCode === code)
          .map((r) => r.id)
          .sort(),
        code,
      ).toEqual(notBuilt)
      const table = await caller.analysis.segments({ filter: { subDistrict: code }, pageSize: 1 })
      const tableIds = (await featureIds('road_segments', code)).map((r) => r.id).sort()
      expect(table.ids, code).toEqual(tableIds)
      const schools = (await featureIds('facilities', code)).filter((f) => f.in_programme)
      expect(schools.length, code).toBe(district?.facilities.planned ?? 0)
      for (const id of [...tableIds, ...schools.map((f) => `f:${f.id}`)]) {
        expect(seen.get(id), `${id} in ${code} and ${seen.get(id)}`).toBeUndefined()
        seen.set(id, code)
      }
      roadsM += plannedM
      facilities += schools.length
    }
    // Whatever lies outside every sub-district is the summary's null group; the parts add up to the total.
    const outside = summary.bySubDistrict.find((d) => d.code === null)
    expect(roadsM + (outside?.roads.plannedM ?? 0)).toBeCloseTo(summary.roads.plannedM, -1)
    expect(facilities + (outside?.facilities.planned ?? 0)).toBe(summary.facilities.planned)
    const programmeM = allRoads.filter((r) => r.in_programme).reduce((sum, r) => sum + (r.length_m ?? 0), 0)
    expect(programmeM).toBeCloseTo(summary.roads.plannedM, -1)
    expect(allFacilities.filter((f) => f.in_programme).length).toBe(summary.facilities.planned)
    expect(seen.size).toBeGreaterThan(0)
  })
})
