import {
  ACCOUNT_ACTIONS,
  EVENT_ENTITIES,
  EVENT_KINDS,
  FACILITY_KINDS,
  FACILITY_STATUSES,
  ROAD_CLASSES,
  ROAD_SEGMENT_STATUSES,
  ROLES,
} from '@onemap/domain/statuses'
import { ATTACHMENT_TYPES, DUBAN_ACTIONS, DUBAN_ENTITIES, ORDER_STATES, UNIT_KINDS } from '@onemap/domain/duban'
import { INDICATOR_CADENCES } from '@onemap/domain/indicator-periods'
import {
  INDICATOR_CATEGORIES,
  INDICATOR_DIRECTIONS,
  INDICATOR_EVENT_KINDS,
  INDICATOR_EVENT_SUBJECTS,
  PACE_RULES,
} from '@onemap/domain/indicators'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './database.ts'
import { openTestDatabase, testBackend } from './testing/test-database.ts'

/** The values a CHECK (col IN (…)) constraint allows, read back from the catalogue. */
async function allowedValues(db: Database, constraint: string): Promise<string[]> {
  const { rows } = await db.query<{ def: string }>(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'onemap' AND c.conname = $1`,
    [constraint],
  )
  const def = rows[0]?.def
  if (!def) throw new Error(`constraint ${constraint} not found`)
  return [...def.matchAll(/'([^']*)'/g)].map((m) => m[1] as string).sort()
}

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db?.close()
})

describe(`CHECK constraints mirror the domain lists (${testBackend})`, () => {
  const cases: [string, readonly string[]][] = [
    ['road_segments_status_check', ROAD_SEGMENT_STATUSES],
    ['facilities_status_check', FACILITY_STATUSES],
    ['facilities_kind_check', FACILITY_KINDS],
    ['roads_class_check', ROAD_CLASSES],
    ['status_events_entity_check', EVENT_ENTITIES],
    ['status_events_kind_check', EVENT_KINDS],
    ['users_role_check', ROLES],
    ['account_events_action_check', ACCOUNT_ACTIONS],
    ['units_kind_check', UNIT_KINDS],
    ['item_responsibility_entity_check', DUBAN_ENTITIES],
    ['order_items_entity_check', DUBAN_ENTITIES],
    ['attachments_entity_check', DUBAN_ENTITIES],
    ['orders_state_check', ORDER_STATES],
    ['duban_log_action_check', DUBAN_ACTIONS],
    ['attachments_media_type_check', ATTACHMENT_TYPES],
    ['indicators_category_check', INDICATOR_CATEGORIES],
    ['indicators_direction_check', INDICATOR_DIRECTIONS],
    ['indicators_cadence_check', INDICATOR_CADENCES],
    ['indicators_pace_check', PACE_RULES],
    ['indicator_events_kind_check', INDICATOR_EVENT_KINDS],
    ['indicator_events_subject_check', INDICATOR_EVENT_SUBJECTS],
  ]
  it.each(cases)('%s', async (constraint, values) => {
    expect(await allowedValues(db, constraint)).toEqual([...values].sort())
  })
})
