import type { Database } from '../database.ts'

/**
 * A small hand-measurable world: one secondary road of four 0.01°-of-latitude segments along the
 * meridian 113.55 E (each ≈ 1109 m on the CGCS2000 ellipsoid), one sub-district covering the
 * northern two, three programme schools and one pre-programme clinic.
 */
export async function prepareProgressFixture(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO programme (id, name_zh, name_en, window_start, deadline, source)
     VALUES ('p', '三年行动', 'Three-year goals', '2020-08-02', '2023-08-02', 'test fixture')`,
  )
  await db.query(
    `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m) VALUES ('rd', '测试路', 'Test Road', 'secondary', 30)`,
  )
  for (let i = 0; i < 4; i++) {
    const south = 34.78 + i * 0.01
    await db.query(
      `INSERT INTO road_segments (id, road_id, geom, status, planned_start, updated_by)
       VALUES ($1, 'rd', ST_SetSRID(ST_MakeLine(ST_MakePoint(113.55, $2), ST_MakePoint(113.55, $3)), 4490), 'planned', $4, 'seed')`,
      [`s${i + 1}`, south, south + 0.01, i < 2 ? '2021-01-01' : '2022-09-01'],
    )
  }
  await db.query(
    `INSERT INTO sub_districts (code, name_zh, name_en, geom)
     VALUES ('410172560', '枫杨街道', 'Fengyang', ST_Multi(ST_MakeEnvelope(113.5, 34.80, 113.6, 34.83, 4490)))`,
  )
  for (const [id, kind, inProgramme] of [
    ['f1', 'school', true],
    ['f2', 'school', true],
    ['f3', 'school', true],
    ['c1', 'clinic', false],
  ] as const) {
    await db.query(
      `INSERT INTO facilities (id, kind, name_zh, name_en, geom, status, in_programme, updated_by)
       VALUES ($1, $2, $1, $1, ST_SetSRID(ST_MakePoint(113.56, 34.79), 4490), $3, $4, 'seed')`,
      [id, kind, inProgramme ? 'planned' : 'in_service', inProgramme],
    )
  }
}

/** This module: its text keys the test templates built from it (openTestDatabase `sources`). */
export const PROGRESS_FIXTURE_SOURCE = import.meta.url
