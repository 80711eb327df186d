import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { toBd09, toGcj02 } from '@onemap/geo/datum-shift'
import { importFile } from './import.ts'
import { FIXTURES, writeTemp } from './test-files.ts'

type Source = { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] }
const source = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Source
const ROADS = source('roads.source.geojson')
const FACILITIES = source('facilities.source.geojson')

let db: TestDatabase
beforeEach(async () => {
  db = await openTestDatabase()
})
afterEach(async () => {
  await db?.close()
})

/** Stored coordinates of a layer by id, in EPSG:4490 degrees. */
async function stored(table: 'road_segments' | 'facilities'): Promise<Map<string, number[][]>> {
  const { rows } = await db.query<{ id: string; g: string }>(`SELECT id, ST_AsGeoJSON(geom, 12) AS g FROM ${table}`)
  return new Map(
    rows.map((r) => {
      const c = JSON.parse(r.g).coordinates
      return [r.id, typeof c[0] === 'number' ? [c] : c]
    }),
  )
}

/** Largest distance in metres between the source's and the stored positions (1e-8° ≈ 1 mm). */
function maxErrorMetres(src: Source, idField: string, got: Map<string, number[][]>): number {
  let worst = 0
  for (const f of src.features) {
    const want = f.geometry.coordinates as number[] | number[][]
    const positions = typeof want[0] === 'number' ? [want as number[]] : (want as number[][])
    const have = got.get(String(f.properties[idField]))
    expect(have, `feature ${String(f.properties[idField])} stored`).toBeDefined()
    positions.forEach((p, i) => {
      const q = have?.[i] as number[]
      const dx = ((q[0] as number) - (p[0] as number)) * 91_300
      const dy = ((q[1] as number) - (p[1] as number)) * 111_000
      worst = Math.max(worst, Math.hypot(dx, dy))
    })
  }
  return worst
}

describe('zipped Shapefile in EPSG:4547 with a GBK .dbf', () => {
  it('round-trips positions to under 1 mm and decodes Chinese attributes via .cpg', async () => {
    const report = await importFile(db, {
      file: join(FIXTURES, 'roads-4547-gbk.zip'),
      layer: 'road_segments',
      actor: 'tester',
    })
    expect(report).toMatchObject({
      committed: true,
      crs: 'EPSG:4547',
      inserted: 3,
      rejectedCount: 0,
      roads: { inserted: 2 },
    })
    expect(maxErrorMetres(ROADS, '编号', await stored('road_segments'))).toBeLessThan(0.001)
    const roads = await db.query('SELECT id, name_zh, class, red_line_width_m::float8 AS w FROM roads ORDER BY id')
    expect(roads.rows).toEqual([
      { id: 'kexue', name_zh: '科学大道', class: 'arterial', w: 60 },
      { id: 'ruida', name_zh: '瑞达路', class: 'secondary', w: 40 },
    ])
    const segs = await db.query(
      'SELECT id, status, actual_start::text, actual_finish::text, updated_by FROM road_segments ORDER BY id',
    )
    expect(segs.rows).toEqual([
      { id: 'imp-kexue-1', status: 'completed', actual_start: null, actual_finish: '2021-06-30', updated_by: 'tester' },
      {
        id: 'imp-kexue-2',
        status: 'under_construction',
        actual_start: '2022-03-01',
        actual_finish: null,
        updated_by: 'tester',
      },
      { id: 'imp-ruida-1', status: 'planned', actual_start: null, actual_finish: null, updated_by: 'tester' },
    ])
    const events = await db.query(
      "SELECT entity_id, from_status, to_status, happened_on::text, actor FROM status_events WHERE kind = 'import' ORDER BY entity_id",
    )
    expect(events.rows[0]).toEqual({
      entity_id: 'imp-kexue-1',
      from_status: null,
      to_status: 'completed',
      happened_on: '2021-06-30',
      actor: 'tester',
    })
    expect(events.rows).toHaveLength(3)
    const sources = await db.query(
      "SELECT layer, is_sample FROM layer_sources WHERE layer IN ('roads', 'road_segments') ORDER BY layer",
    )
    expect(sources.rows).toEqual([
      { layer: 'road_segments', is_sample: false },
      { layer: 'roads', is_sample: false },
    ])
  })

  it('needs --encoding gbk when the zip has no .cpg, and then reads it', async () => {
    const file = join(FIXTURES, 'roads-4547-gbk-no-cpg.zip')
    const refused = await importFile(db, { file, layer: 'road_segments', actor: 'tester' })
    expect(refused.committed).toBe(false)
    expect(refused.rejected[0]?.reason).toMatch(/does not decode as utf-8; pass --encoding gbk/)
    const read = await importFile(db, { file, layer: 'road_segments', actor: 'tester', encoding: 'gbk' })
    expect(read).toMatchObject({ committed: true, inserted: 3 })
  })
})

describe('GeoJSON in EPSG:4526 named by its crs member', () => {
  it('round-trips facility positions to the file’s 0.1 mm precision and maps Chinese kinds and statuses', async () => {
    const report = await importFile(db, {
      file: join(FIXTURES, 'facilities-4526.geojson'),
      layer: 'facilities',
      actor: 'tester',
    })
    expect(report).toMatchObject({ committed: true, crs: 'EPSG:4526', inserted: 3 })
    expect(maxErrorMetres(FACILITIES, 'id', await stored('facilities'))).toBeLessThan(0.001)
    const rows = await db.query('SELECT id, kind, status, capacity, capacity_unit, is_real FROM facilities ORDER BY id')
    expect(rows.rows).toEqual([
      {
        id: 'imp-hospital-1',
        kind: 'hospital',
        status: 'in_service',
        capacity: 1000,
        capacity_unit: 'beds',
        is_real: true,
      },
      { id: 'imp-kg-1', kind: 'kindergarten', status: 'planned', capacity: null, capacity_unit: null, is_real: true },
      { id: 'imp-school-1', kind: 'school', status: 'started', capacity: 1800, capacity_unit: 'seats', is_real: true },
    ])
  })
})

describe('CSV', () => {
  it('reads a GBK CSV with a WKT column', async () => {
    const report = await importFile(db, {
      file: join(FIXTURES, 'facilities-wkt-gbk.csv'),
      layer: 'facilities',
      actor: 'tester',
      encoding: 'gbk',
    })
    expect(report).toMatchObject({ committed: true, crs: 'EPSG:4490', inserted: 3 })
    expect(maxErrorMetres(FACILITIES, 'id', await stored('facilities'))).toBeLessThan(0.001)
    const names = await db.query("SELECT name_zh FROM facilities WHERE id = 'imp-school-1'")
    expect(names.rows[0]?.name_zh).toBe('高新区第一实验小学')
  })

  it.each([
    ['GCJ-02', toGcj02],
    ['BD-09', toBd09],
  ] as const)('converts lon/lat columns in %s back to CGCS2000 within 1 m', async (crs, shift) => {
    const lines = ['id,name,kind,status,lng,lat']
    for (const f of FACILITIES.features) {
      const [lon, lat] = shift(f.geometry.coordinates as [number, number])
      lines.push(
        [
          f.properties.id,
          f.properties['名称'],
          f.properties['类型'],
          f.properties['状态'],
          lon.toFixed(7),
          lat.toFixed(7),
        ].join(','),
      )
    }
    const file = writeTemp(`facilities-${crs}.csv`, lines.join('\n'))
    const report = await importFile(db, { file, layer: 'facilities', actor: 'tester', crs })
    expect(report).toMatchObject({ committed: true, crs, inserted: 3 })
    expect(maxErrorMetres(FACILITIES, 'id', await stored('facilities'))).toBeLessThan(1)
  })
})
