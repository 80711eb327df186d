import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFingerprint, type ImportLayer } from '@onemap/db/queries/import'
import type { TestDatabase } from '@onemap/db/testing'
import { transformPosition } from '@onemap/geo/crs'
import { toGcj02 } from '@onemap/geo/datum-shift'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { ImportError } from './errors.ts'
import { importFile } from './import.ts'
import { FIXTURES, featureCollection, writeTemp } from './test-files.ts'

// One seeded database for the whole file: every import here must fail and leave it exactly as it was,
// which each test checks with a fingerprint taken before and after.
let db: TestDatabase
beforeAll(async () => {
  db = await openSeededTestDatabase()
})
afterAll(async () => {
  await db?.close()
})

const road = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  road_id: 'kexue',
  status: '在建',
  ...extra,
})
const line = (coords: number[][]) => ({ type: 'LineString', coordinates: coords })
const KEXUE = [
  [113.52, 34.807],
  [113.535, 34.8085],
]

/** Runs an import that must not change anything; returns its report or the ImportError it threw. */
async function refused(layer: ImportLayer, file: string, extra: Record<string, unknown> = {}) {
  const before = await importFingerprint(db, layer)
  let outcome: Awaited<ReturnType<typeof importFile>> | ImportError
  try {
    outcome = await importFile(db, { file, layer, actor: 'tester', ...extra })
  } catch (err) {
    if (!(err instanceof ImportError)) throw err
    outcome = err
  }
  expect(await importFingerprint(db, layer)).toEqual(before)
  if (!(outcome instanceof ImportError)) expect(outcome.committed).toBe(false)
  return outcome
}

const reasons = (r: unknown) =>
  r instanceof ImportError ? r.message : JSON.stringify((r as { rejected: unknown[] }).rejected)

describe('inputs that are refused whole, leaving the database unchanged', () => {
  it('malformed JSON, naming the line', async () => {
    const file = writeTemp(
      'malformed.geojson',
      '{"type": "FeatureCollection",\n"features": [\n{"type": "Feature", "properties": {}\n"geometry": null}]}',
    )
    const err = await refused('road_segments', file)
    expect(err).toBeInstanceOf(ImportError)
    expect((err as ImportError).exitCode).toBe(3)
    expect((err as ImportError).message).toMatch(/malformed\.geojson is not valid JSON near line 4/)
  })

  it('an empty file', async () => {
    const err = await refused('facilities', writeTemp('empty.geojson', ''))
    expect(reasons(err)).toMatch(/empty\.geojson is empty/)
  })

  it('a truncated zip', async () => {
    const zip = readFileSync(join(FIXTURES, 'roads-4547-gbk.zip'))
    const err = await refused('road_segments', writeTemp('truncated.zip', zip.subarray(0, zip.length - 200)))
    expect((err as ImportError).exitCode).toBe(3)
    expect(reasons(err)).toMatch(/truncated\.zip is not a readable zip archive \(truncated or damaged\?\)/)
  })

  it('an unknown layer', async () => {
    const err = await refused('road_segments', join(FIXTURES, 'facilities-4526.geojson'), { layer: 'schools' })
    expect((err as ImportError).exitCode).toBe(2)
    expect(reasons(err)).toMatch(/Unknown layer 'schools'; importable layers: road_segments, facilities/)
  })
})

/** The fixture zip with the central-directory uncompressed size of its `ext` member set to `size`. */
function withDeclaredSize(ext: string, size: number): Buffer {
  const zip = Buffer.from(readFileSync(join(FIXTURES, 'roads-4547-gbk.zip')))
  for (
    let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at >= 0;
    at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
  ) {
    const nameLength = zip.readUInt16LE(at + 28)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('latin1')
    if (name.toLowerCase().endsWith(ext)) zip.writeUInt32LE(size, at + 24)
  }
  return zip
}

describe('inputs past the size limits, or that cannot be stored, refused with a clear reason', () => {
  it('a zip member that declares more than the member limit (a zip bomb), before unpacking it', async () => {
    const err = await refused('road_segments', writeTemp('bomb.zip', withDeclaredSize('.dbf', 0xfffffff0)))
    expect((err as ImportError).exitCode).toBe(3)
    expect(reasons(err)).toMatch(/bomb\.zip: roads\.dbf unpacks to 4096 MiB; the importer takes members up to 256 MiB/)
  })

  it('members that together pass the total limit', async () => {
    const err = await refused('road_segments', join(FIXTURES, 'roads-4547-gbk.zip'), { limits: { totalBytes: 400 } })
    expect((err as ImportError).exitCode).toBe(3)
    expect(reasons(err)).toMatch(/roads-4547-gbk\.zip unpacks to more than 0 MiB in all; split the layer/)
  })

  it('a zip member whose declared length is wrong', async () => {
    const err = await refused('road_segments', writeTemp('bad-length.zip', withDeclaredSize('.dbf', 10)))
    expect((err as ImportError).exitCode).toBe(3)
    expect(reasons(err)).toMatch(/bad-length\.zip is a damaged or truncated zip archive/)
  })

  it('a NUL character in an attribute', async () => {
    const file = writeTemp('nul.geojson', featureCollection([[road('x-nul', { name_zh: 'a\u0000b' }), line(KEXUE)]]))
    const r = await refused('road_segments', file)
    expect(reasons(r)).toMatch(/x-nul.*attribute name_zh contains a NUL character/)
  })

  it('the year 0000 (and 2202) in a date', async () => {
    const file = writeTemp(
      'year0.geojson',
      featureCollection([
        [road('x-y0', { planned_start: '0000-01-01' }), line(KEXUE)],
        [road('x-y2202', { planned_start: '2202-03-04' }), line(KEXUE)],
      ]),
    )
    const r = await refused('road_segments', file)
    expect(reasons(r)).toMatch(/x-y0.*planned_start has the year 0000; dates must lie in 1900–2100/)
    expect(reasons(r)).toMatch(/x-y2202.*has the year 2202/)
  })

  it('an attribute longer than the limit and a feature with too many vertices', async () => {
    const many = Array.from({ length: 40 }, (_, i) => [113.52 + i * 0.0001, 34.807])
    const file = writeTemp(
      'big.geojson',
      featureCollection([
        [road('x-long', { name_zh: '长'.repeat(60) }), line(KEXUE)],
        [road('x-many'), line(many)],
      ]),
    )
    const r = await refused('road_segments', file, { limits: { attributeChars: 50, vertices: 30 } })
    expect(reasons(r)).toMatch(/attribute name_zh is 60 characters long; at most 50 are accepted/)
    expect(reasons(r)).toMatch(/has more than 30 vertices; simplify it/)
  })
})

describe('features that are rejected, with the reason and feature id, leaving the database unchanged', () => {
  it('a wrong geometry type', async () => {
    const file = writeTemp(
      'point-road.geojson',
      featureCollection([
        [road('x-1'), line(KEXUE)],
        [road('x-2'), { type: 'Point', coordinates: [113.53, 34.8] }],
      ]),
    )
    const r = await refused('road_segments', file)
    expect(reasons(r)).toMatch(/feature 2.*x-2.*is a Point; this layer takes LineString/)
  })

  it('swapped axes, with the likely cause', async () => {
    const file = writeTemp(
      'swapped.geojson',
      featureCollection([[road('x-1'), line(KEXUE.map(([x, y]) => [y as number, x as number]))]]),
    )
    const r = await refused('road_segments', file)
    expect(JSON.stringify(r)).toMatch(/latitude and longitude look swapped/)
  })

  it('projected metres without a CRS, suggesting EPSG:4547', async () => {
    const metres = KEXUE.map((p) => transformPosition('EPSG:4490', 'EPSG:4547', p as [number, number]))
    const file = writeTemp('metres.geojson', featureCollection([[road('x-1'), line(metres)]]))
    const r = await refused('road_segments', file)
    expect(JSON.stringify(r)).toMatch(/projected metres .* pass --crs EPSG:4547/)
  })

  it('an unknown status label, listed', async () => {
    const file = writeTemp('label.geojson', featureCollection([[road('x-1', { status: '完成了' }), line(KEXUE)]]))
    const r = await refused('road_segments', file)
    expect(reasons(r)).toMatch(/x-1.*unknown status '完成了'/)
    expect((r as { unknownLabels: unknown }).unknownLabels).toEqual([{ field: 'status', value: '完成了', count: 1 }])
  })

  it('a file in GCJ-02 declared as WGS84, recognised against the stored sample facilities', async () => {
    const sample = JSON.parse(readFileSync(join(FIXTURES, '../../../data/facilities.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[]
    }
    const shifted = sample.features.map(
      (f) =>
        [f.properties, { type: 'Point', coordinates: toGcj02(f.geometry.coordinates) }] as [
          Record<string, unknown>,
          unknown,
        ],
    )
    const r = await refused('facilities', writeTemp('gcj.geojson', featureCollection(shifted)))
    expect((r as { problem?: string }).problem).toMatch(/most likely GCJ-02; import it again with --crs GCJ-02/)
  })

  it('a self-intersecting ring is repaired and reported by id (shown with --dry-run)', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [113.5, 34.8],
          [113.51, 34.81],
          [113.51, 34.8],
          [113.5, 34.81],
          [113.5, 34.8],
        ],
      ],
    }
    const file = writeTemp('bowtie.geojson', featureCollection([[{ id: 'w-bowtie', name: '蝶形水面' }, bowtie]]))
    const r = await refused('water_bodies', file, { dryRun: true })
    expect(r).toMatchObject({ rejectedCount: 0, inserted: 1, dryRun: true })
    expect((r as { repaired: unknown }).repaired).toEqual([
      {
        where: 'feature 1',
        id: 'w-bowtie',
        reason: expect.stringMatching(/repaired with ST_MakeValid: Self-intersection/),
      },
    ])
  })
})
