import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFingerprint } from '@onemap/db/queries/import'
import type { TestDatabase } from '@onemap/db/testing'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { importFile } from './import.ts'
import { featureCollection, writeTemp } from './test-files.ts'

let db: TestDatabase
beforeEach(async () => {
  db = await openSeededTestDatabase()
})
afterEach(async () => {
  await db?.close()
})

const count = async (sql: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`)).rows[0]?.n ?? -1

/** A seeded facility re-delivered as completed, plus one new facility. */
async function deliveryFile() {
  const { rows } = await db.query<{ id: string; status: string; version: number }>(
    "SELECT id, status, version FROM facilities WHERE status <> 'completed' AND (actual_start IS NULL OR actual_start <= '2023-07-01') ORDER BY id LIMIT 1",
  )
  const existing = rows[0] as { id: string; status: string; version: number }
  const file = writeTemp(
    `delivery-${existing.id}.geojson`,
    featureCollection([
      [
        { id: existing.id, name: '改名的设施', kind: '学校', status: '竣工', actual_finish: '2023-07-01' },
        { type: 'Point', coordinates: [113.54, 34.8] },
      ],
      [
        { id: 'auth-new-1', name: '新建社区卫生服务中心', kind: '社区卫生服务中心', status: '规划' },
        { type: 'Point', coordinates: [113.55, 34.79] },
      ],
    ]),
  )
  return { existing, file }
}

describe('upsert over the sample', () => {
  it('updates known ids, inserts new ones, keeps the rest and logs each status as an import', async () => {
    const before = await count('SELECT 1 FROM facilities')
    const { existing, file } = await deliveryFile()
    const report = await importFile(db, { file, layer: 'facilities', actor: 'planner-li' })
    expect(report).toMatchObject({ committed: true, inserted: 1, updated: 1, kept: before - 1, events: 2 })
    const row = await db.query(
      'SELECT name_zh, status, actual_finish::text, version, updated_by FROM facilities WHERE id = $1',
      [existing.id],
    )
    expect(row.rows[0]).toEqual({
      name_zh: '改名的设施',
      status: 'completed',
      actual_finish: '2023-07-01',
      version: existing.version + 1,
      updated_by: 'planner-li',
    })
    const events = await db.query(
      "SELECT from_status, to_status, happened_on::text, actor FROM status_events WHERE kind = 'import' AND entity_id = $1",
      [existing.id],
    )
    expect(events.rows).toEqual([
      { from_status: existing.status, to_status: 'completed', happened_on: '2023-07-01', actor: 'planner-li' },
    ])
    expect(await count('SELECT 1 FROM facilities')).toBe(before + 1)
    const source = await db.query("SELECT is_sample FROM layer_sources WHERE layer = 'facilities'")
    expect(source.rows).toEqual([{ is_sample: false }])
  })
})

describe('replace', () => {
  it('deletes the layer’s rows missing from the file but keeps their status events', async () => {
    const eventsBefore = await count('SELECT 1 FROM status_events')
    const facilitiesBefore = await count('SELECT 1 FROM facilities')
    const { file } = await deliveryFile()
    const report = await importFile(db, { file, layer: 'facilities', actor: 'planner-li', mode: 'replace' })
    expect(report).toMatchObject({ committed: true, inserted: 1, updated: 1, deleted: facilitiesBefore - 1 })
    expect(await count('SELECT 1 FROM facilities')).toBe(2)
    expect(await count('SELECT 1 FROM status_events')).toBe(eventsBefore + 2)
  })

  it('drops roads no segment uses any more when road segments are replaced', async () => {
    const file = writeTemp(
      'one-road.geojson',
      featureCollection([
        [
          {
            id: 'auth-seg-1',
            road_id: 'auth-road',
            road_name: '新路',
            class: '支路',
            red_line_width_m: 20,
            status: '规划',
          },
          {
            type: 'LineString',
            coordinates: [
              [113.53, 34.79],
              [113.54, 34.79],
            ],
          },
        ],
      ]),
    )
    const report = await importFile(db, { file, layer: 'road_segments', actor: 'planner-li', mode: 'replace' })
    expect(report.committed).toBe(true)
    expect((await db.query('SELECT id FROM roads')).rows).toEqual([{ id: 'auth-road' }])
  })
})

describe('a merge that breaks a database rule', () => {
  it('is refused naming the rule and the id', async () => {
    const { rows } = await db.query<{ id: string }>(
      'SELECT id FROM facilities WHERE actual_start IS NOT NULL ORDER BY id LIMIT 1',
    )
    const id = rows[0]?.id as string
    const file = writeTemp(
      'early-finish.geojson',
      featureCollection([
        [
          { id, name: '某设施', kind: '学校', status: '竣工', actual_finish: '2000-01-01' },
          { type: 'Point', coordinates: [113.54, 34.8] },
        ],
      ]),
    )
    const before = await importFingerprint(db, 'facilities')
    await expect(importFile(db, { file, layer: 'facilities', actor: 'planner-li' })).rejects.toThrow(
      new RegExp(`facilities '${id}' would break the rule facilities_actual_order`),
    )
    expect(await importFingerprint(db, 'facilities')).toEqual(before)
  })
})

describe('--dry-run', () => {
  it('reports what would change and writes nothing', async () => {
    const before = await importFingerprint(db, 'facilities')
    const { file } = await deliveryFile()
    const report = await importFile(db, { file, layer: 'facilities', actor: 'planner-li', dryRun: true })
    expect(report).toMatchObject({ committed: false, dryRun: true, inserted: 1, updated: 1, rejectedCount: 0 })
    expect(await importFingerprint(db, 'facilities')).toEqual(before)
  })
})
