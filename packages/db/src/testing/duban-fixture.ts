import type { Database } from '../database.ts'
import { prepareProgressFixture } from './progress-fixture.ts'

/**
 * The progress fixture (road 'rd' of segments s1–s4 on 113.55 E, schools f1–f3 at 113.56 E 34.79 N)
 * plus two units and one account for each: unit-a answers for road 'rd', unit-b for school f2.
 */
export async function prepareDubanFixture(db: Database): Promise<void> {
  await prepareProgressFixture(db)
  await db.query(
    `INSERT INTO units (id, kind, name_zh, name_en, sub_district, updated_by) VALUES
       ('unit-a', 'sub_district', '枫杨街道办事处', 'Fengyang Office', '410172560', 'test'),
       ('unit-b', 'bureau', '教育局', 'Education Bureau', NULL, 'test')`,
  )
  await db.query(
    `INSERT INTO users (id, name, role, password_hash, unit_id) VALUES
       (101, 'unit-a-user', 'unit', 'x', 'unit-a'), (102, 'unit-b-user', 'unit', 'x', 'unit-b'), (103, 'unit-none', 'unit', 'x', NULL)`,
  )
  await db.query(
    `INSERT INTO item_responsibility (entity, entity_id, lead_unit, planned_investment, completed_investment, funding_source, updated_by) VALUES
       ('road', 'rd', 'unit-a', 4000, 1000, '专项债', 'test'), ('facility', 'f2', 'unit-b', 8000, 0, '区级财政', 'test')`,
  )
}

/** This module: its text keys the test templates built from it (openTestDatabase `sources`). */
export const DUBAN_FIXTURE_SOURCE = import.meta.url
