import type { Database } from '../database.ts'
import type { TestDatabaseOptions } from '../testing/test-database.ts'

/**
 * A small, hand-made set of features in every served layer, for tests of the layer queries and
 * routers (packages below seeds cannot use the seeded sample database). Coordinates are
 * CGCS2000 lon/lat near the real places they are named after; planner-only columns hold marker
 * text ("PRIVATE-…") that tests assert never leaves the server.
 */
export const LAYER_FIXTURE_SQL = `
INSERT INTO zone_boundary (id, code, name_zh, name_en, geom) VALUES
  ('zone', '410172', '郑州高新区', 'Zhengzhou High-tech Zone',
   ST_Multi(ST_MakeEnvelope(113.45, 34.77, 113.60, 34.86, 4490)));
INSERT INTO sub_districts (code, name_zh, name_en, geom) VALUES
  ('410172560', '枫杨街道', 'Fengyang', ST_Multi(ST_MakeEnvelope(113.535, 34.809, 113.58, 34.834, 4490))),
  ('410172561', '梧桐街道', 'Wutong', ST_Multi(ST_MakeEnvelope(113.52, 34.785, 113.57, 34.807, 4490)));
INSERT INTO renewal_zones (id, name_zh, name_en, geom) VALUES
  ('rz-south', '南部产城更新片区', 'Southern renewal zone', ST_Multi(ST_MakeEnvelope(113.50, 34.770, 113.58, 34.790, 4490)));
INSERT INTO renewal_units (id, zone_id, name_zh, name_en, geom) VALUES
  ('ru-1', 'rz-south', '更新单元一', 'Unit 1', ST_Multi(ST_MakeEnvelope(113.50, 34.770, 113.54, 34.790, 4490)));
INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m) VALUES
  ('kexue', '科学大道', 'Kexue Avenue', 'arterial', 60),
  ('changchun', '长椿路', 'Changchun Road', 'secondary', 40),
  ('huagong', '化工路', 'Huagong Road 100%_off', 'arterial', 50);
INSERT INTO road_segments (id, road_id, geom, status, planned_start, planned_finish, updated_by) VALUES
  ('s-1', 'kexue', ST_GeomFromText('LINESTRING(113.52 34.808, 113.54 34.8085, 113.56 34.810)', 4490),
   'completed', NULL, NULL, 'PRIVATE-updater'),
  ('s-2', 'changchun', ST_GeomFromText('LINESTRING(113.536 34.775, 113.5365 34.800, 113.536 34.834)', 4490),
   'planned', '2021-01-01', '2021-12-31', 'PRIVATE-updater'),
  ('s-3', 'huagong', ST_GeomFromText('LINESTRING(113.52 34.783, 113.545 34.7832, 113.57 34.783)', 4490),
   'under_construction', '2020-09-01', '2022-06-30', 'PRIVATE-updater');
INSERT INTO facilities (id, kind, name_zh, name_en, geom, capacity, capacity_unit, status, planned_start, is_real, updated_by) VALUES
  ('f-1', 'school', '枫杨小学', 'Fengyang Primary School', ST_SetSRID(ST_MakePoint(113.545, 34.820), 4490), 1800, 'seats',
   'planned', '2021-09-01', false, 'PRIVATE-updater'),
  ('f-2', 'hospital', '郑州大学附属郑州中心医院高新医院', 'Zhengzhou Central Hospital High-tech', ST_SetSRID(ST_MakePoint(113.482, 34.836), 4490),
   1000, 'beds', 'started', '2022-03-04', true, 'PRIVATE-updater'),
  ('f-3', 'kindergarten', '梧桐幼儿园', 'Wutong Kindergarten', ST_SetSRID(ST_MakePoint(113.5512345, 34.7956789), 4490), 360, 'places',
   'completed', NULL, false, 'PRIVATE-updater');
INSERT INTO rivers (id, name_zh, name_en, geom, river_chief, note) VALUES
  ('rv-1', '贾鲁河', 'Jialu River', ST_Multi(ST_GeomFromText('LINESTRING(113.590 34.780, 113.588 34.795, 113.592 34.810)', 4490)),
   '示例河长', 'PRIVATE-note');
INSERT INTO water_bodies (id, name_zh, name_en, geom) VALUES
  ('w-1', '天健湖', 'Tianjian Lake', ST_Multi(ST_GeomFromText(
   'POLYGON((113.468 34.813, 113.486 34.813, 113.486 34.820, 113.468 34.820, 113.468 34.813),
            (113.475 34.815, 113.478 34.815, 113.478 34.817, 113.475 34.817, 113.475 34.815))', 4490)));
INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind, note) VALUES
  ('road_segment', 's-1', NULL, 'planned', '2020-08-02', 'PRIVATE-actor', 'seed', 'PRIVATE-note'),
  ('road_segment', 's-1', 'planned', 'under_construction', '2021-03-01', 'PRIVATE-actor', 'edit', 'PRIVATE-note'),
  ('road_segment', 's-1', 'under_construction', 'completed', '2022-05-01', 'PRIVATE-actor', 'edit', NULL);
`

/** Loads LAYER_FIXTURE_SQL into a migrated database (use as `prepare` of openTestDatabase). */
export async function loadLayerFixture(db: Database): Promise<void> {
  await db.query(LAYER_FIXTURE_SQL)
}

/** openTestDatabase options for this fixture: its template is keyed by this file's text. */
export const LAYER_FIXTURE_TEMPLATE: TestDatabaseOptions = {
  template: 'layer-fixture',
  prepare: loadLayerFixture,
  sources: [import.meta.url],
}
