import { TRPCError } from '@trpc/server'
import type { Database } from '@onemap/db/database'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import type { SessionUser } from '../context.ts'
import { FIXTURE_SOURCE, prepareFixture } from './fixture.ts'

/**
 * The progress fixture (road 'rd' of segments s1–s4 on 113.55 E, schools f1–f3 at 113.56 E 34.79 N)
 * plus two units and one account for each: unit-a answers for road 'rd', unit-b for school f2.
 */
async function prepareDubanFixture(db: Database): Promise<void> {
  await prepareFixture(db)
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

export function openDubanFixture(): Promise<TestDatabase> {
  return openTestDatabase({ template: 'api-duban-fixture', prepare: prepareDubanFixture, sources: [import.meta.url, FIXTURE_SOURCE] })
}

export const UNIT_A: SessionUser = { id: 101, name: 'unit-a-user', role: 'unit' }
export const UNIT_B: SessionUser = { id: 102, name: 'unit-b-user', role: 'unit' }
export const UNIT_NONE: SessionUser = { id: 103, name: 'unit-none', role: 'unit' }

/** The tRPC error code a call ends with ('OK' when it succeeds). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'OK'
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err)
  }
}
