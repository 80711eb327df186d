import { VectorTile } from '@mapbox/vector-tile'
import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import { ROAD_CLASSES } from '@onemap/domain/statuses'
import { PbfReader } from 'pbf'
import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from './database.ts'
import { migrate, readMigrations } from './migrate.ts'
import { loadLayerFixture } from './testing/layer-fixture.ts'
import { renderVersionedTile } from './queries/tiles.ts'
import { openTestDatabase, testBackend } from './testing/test-database.ts'

// Migration 007: each segment carries its road's class (for the per-class tile indexes), kept by triggers.

const opened: Database[] = []
async function open(options: Parameters<typeof openTestDatabase>[0]) {
  const db = await openTestDatabase(options)
  opened.push(db)
  return db
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()))
})

const fixture = () => open({ template: 'layer-fixture-v1', prepare: loadLayerFixture })
const classes = async (db: Database) =>
  Object.fromEntries(
    (await db.query<{ id: string; class: string }>('SELECT id, class FROM road_segments ORDER BY id')).rows.map((r) => [
      r.id,
      r.class,
    ]),
  )

describe(`the road class on road segments (${testBackend})`, () => {
  it('is filled in for segments that existed before the migration', async () => {
    const db = await open({ empty: true })
    const files = readMigrations()
    const before = files.findIndex((f) => f.name.startsWith('007_'))
    await migrate(db, files.slice(0, before))
    await loadLayerFixture(db)
    await migrate(db, files)
    expect(await classes(db)).toEqual({ 's-1': 'arterial', 's-2': 'secondary', 's-3': 'arterial' })
  })

  it("follows the road on insert, on a change of road, and on a change of the road's class; a written copy is ignored", async () => {
    const db = await fixture()
    await db.query(
      `INSERT INTO road_segments (id, road_id, class, geom, status, updated_by)
       VALUES ('s-new', 'changchun', 'expressway', ST_GeomFromText('LINESTRING(113.53 34.80, 113.54 34.80)', 4490), 'planned', 'test')`,
    )
    expect((await classes(db))['s-new']).toBe('secondary')
    await db.query("UPDATE road_segments SET road_id = 'kexue' WHERE id = 's-new'")
    expect((await classes(db))['s-new']).toBe('arterial')
    await db.query("UPDATE road_segments SET class = 'branch' WHERE id = 's-new'")
    expect((await classes(db))['s-new']).toBe('arterial')
    await db.query("UPDATE roads SET class = 'expressway' WHERE id = 'kexue'")
    expect(await classes(db)).toEqual({
      's-1': 'expressway',
      's-2': 'secondary',
      's-3': 'arterial',
      's-new': 'expressway',
    })
  })

  it('names the missing road when a segment points nowhere', async () => {
    const db = await fixture()
    await expect(
      db.query(
        `INSERT INTO road_segments (id, road_id, geom, status, updated_by)
         VALUES ('s-x', 'nowhere', ST_GeomFromText('LINESTRING(113.53 34.80, 113.54 34.80)', 4490), 'planned', 'test')`,
      ),
    ).rejects.toThrow("No road with id 'nowhere' for road segment 's-x'")
  })

  it('moves the segments of a re-classed road to the zooms of their new class in the tiles', async () => {
    const db = await fixture()
    const roads = findLayer('road_segments') as LayerDefinition
    // The z11 tile over the fixture's segments: arterials are drawn from z0, branch roads only from z12.
    const tile = { z: 11, x: 1669, y: 812 }
    const idsIn = async () => {
      const { mvt } = await renderVersionedTile(db, roads, tile, {})
      const layer = new VectorTile(new PbfReader(mvt)).layers.road_segments
      return Array.from({ length: layer?.length ?? 0 }, (_, i) => String(layer?.feature(i).properties.id)).sort()
    }
    expect(await idsIn()).toEqual(['s-1', 's-2', 's-3'])
    await db.query("UPDATE roads SET class = 'branch' WHERE id = 'kexue'")
    expect(await idsIn()).toEqual(['s-2', 's-3'])
  })

  it('has one partial tile index per road class, and no class without one', async () => {
    const db = await fixture()
    const { rows } = await db.query<{ name: string; predicate: string }>(
      `SELECT c.relname AS name, pg_get_expr(i.indpred, i.indrelid) AS predicate
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = 'road_segments'::regclass AND i.indpred IS NOT NULL`,
    )
    const covered = rows.map((r) => /class = '([a-z]+)'/.exec(r.predicate)?.[1]).sort()
    expect(covered).toEqual([...ROAD_CLASSES].sort())
    expect(rows.map((r) => r.name).sort()).toEqual(ROAD_CLASSES.map((c) => `road_segments_${c}_3857_idx`).sort())
  })
})
