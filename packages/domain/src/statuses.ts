import { z } from 'zod'
import {
  EVENT_ENTITIES,
  EVENT_KINDS,
  FACILITY_KINDS,
  FACILITY_STATUSES,
  ROAD_CLASSES,
  ROAD_SEGMENT_STATUSES,
  ROLES,
} from './values.ts'

/**
 * Fixed value lists of the domain as zod enums. Each list is mirrored by a CHECK constraint in
 * packages/db/migrations; packages/db/src/checks.test.ts fails if the two drift. The lists and labels
 * themselves live in values.ts (no zod), so the public web bundle can use them without a schema library.
 */
export {
  EVENT_ENTITIES,
  EVENT_KINDS,
  FACILITY_KIND_LABELS_ZH,
  FACILITY_KINDS,
  FACILITY_STATUS_LABELS_ZH,
  FACILITY_STATUSES,
  ROAD_CLASS_LABELS_ZH,
  ROAD_CLASSES,
  ROAD_SEGMENT_STATUS_LABELS_ZH,
  ROAD_SEGMENT_STATUSES,
  ROLES,
} from './values.ts'

export const RoadSegmentStatus = z.enum(ROAD_SEGMENT_STATUSES)
export type RoadSegmentStatus = z.infer<typeof RoadSegmentStatus>

export const FacilityStatus = z.enum(FACILITY_STATUSES)
export type FacilityStatus = z.infer<typeof FacilityStatus>

export const FacilityKind = z.enum(FACILITY_KINDS)
export type FacilityKind = z.infer<typeof FacilityKind>

export const RoadClass = z.enum(ROAD_CLASSES)
export type RoadClass = z.infer<typeof RoadClass>

export const EventEntity = z.enum(EVENT_ENTITIES)
export type EventEntity = z.infer<typeof EventEntity>

export const EventKind = z.enum(EVENT_KINDS)
export type EventKind = z.infer<typeof EventKind>

export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/** What an admin (or the command line) did to an account, as recorded in account_events. */
export const ACCOUNT_ACTIONS = ['create', 'role', 'password', 'disable', 'enable', 'end_sessions'] as const
export const AccountAction = z.enum(ACCOUNT_ACTIONS)
export type AccountAction = z.infer<typeof AccountAction>
