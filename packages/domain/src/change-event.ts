import { z } from 'zod'
import type { MapLayerId } from './layers.ts'
import { EventEntity, EventKind, RoadClass } from './statuses.ts'

/** The tiled layer an event entity's features live in (road_segment → road_segments, facility → facilities). */
export const ChangeLayer = z.enum(['road_segments', 'facilities'])
export type ChangeLayer = z.infer<typeof ChangeLayer>

/**
 * One row of the audit trail with only what anyone may see: no actor name, no note. `kind` is the
 * public-safe label of who made it (an edit or correction on site, an import, the seed, a split).
 */
export const StatusChange = z.object({
  /** Event id: increases with entry order, and is the live stream's resume point. */
  id: z.number().int().positive(),
  entity: EventEntity,
  entityId: z.string().min(1),
  from: z.string().nullable(),
  to: z.string(),
  /** ISO date the change happened on site. */
  happenedOn: z.string(),
  /** ISO timestamp (UTC) the change was entered. */
  recordedAt: z.string(),
  kind: EventKind,
})
export type StatusChange = z.infer<typeof StatusChange>

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/**
 * A road segment's schedule fields once a change committed: what its table row's facts (state,
 * lateness) are computed from (@onemap/domain/item-facts), with its length and version. Sent only to a
 * client that asks for it (the planner's workbench patches its table with it, see segment-table.ts);
 * fields that are null are left out on the wire (the query strips them), and `segmentState` puts them back.
 */
export const SegmentStateWire = z.object({
  status: z.string(),
  version: z.number().int().positive(),
  lengthM: z.number().nonnegative(),
  category: RoadClass,
  plannedStart: Day.optional(),
  plannedFinish: Day.optional(),
  actualStart: Day.optional(),
  actualFinish: Day.optional(),
  revisedStart: Day.optional(),
  revisedFinish: Day.optional(),
  suspendedFrom: z.string().optional(),
  suspendedSince: Day.optional(),
})
export type SegmentStateWire = z.infer<typeof SegmentStateWire>

/** A segment's state with every field present (null for none). */
export type SegmentState = Required<{
  [K in keyof SegmentStateWire]: undefined extends SegmentStateWire[K]
    ? Exclude<SegmentStateWire[K], undefined> | null
    : SegmentStateWire[K]
}>

const OPTIONAL_STATE_FIELDS = [
  'plannedStart',
  'plannedFinish',
  'actualStart',
  'actualFinish',
  'revisedStart',
  'revisedFinish',
  'suspendedFrom',
  'suspendedSince',
] as const

/** The state of its wire form, absent fields as null. */
export function segmentState(w: SegmentStateWire): SegmentState {
  const s = { ...w } as SegmentState
  for (const k of OPTIONAL_STATE_FIELDS) s[k] = w[k] ?? null
  return s
}

/**
 * A change as the live stream carries it: the audit row plus the layer it touched and that layer's
 * version after it, so a client patches the one feature and moves its tile URLs without asking again.
 */
export const ChangeEvent = StatusChange.extend({
  layer: ChangeLayer,
  /**
   * The layer's version once this change committed: the sum over the layer's versionSources (a segment's
   * layer also moves when its road is renamed), the very number tile URLs and layers.list carry. Later
   * edits may have moved it on.
   */
  layerVersion: z.number().int().nonnegative(),
  /**
   * The item's public name as the wall's ticker shows it (a segment is named by its road), read when the
   * event is; null when the item has none or is gone. With it a screen writes the ticker line itself.
   */
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  /** The segment's state after the change, for a subscriber that asked for items (road segments only). */
  item: SegmentStateWire.optional(),
})
export type ChangeEvent = z.infer<typeof ChangeEvent>

/**
 * A layer's version moved without (or besides) a status change: an import, a road renamed through `roads`
 * (road_segments' tiles show its name), a geometry edit. `version` is the layer's version as tile URLs and
 * layers.list carry it; a screen showing older tiles of the layer moves their URL to it.
 */
export interface LayerVersionMessage {
  type: 'layer'
  layer: MapLayerId
  version: number
}

/**
 * What the live stream sends: a change, tracked by its event id; an order to re-read everything when the
 * client is too far behind for a replay (the message's tracked id is then the newest event); or a layer's
 * new version, untracked (the last change's id stays the resume point). After a reconnect the stream
 * sends every layer's current version, one message each, so a screen never stays behind on a layer.
 */
export type LiveMessage = { type: 'change'; event: ChangeEvent } | { type: 'resync' } | LayerVersionMessage

/**
 * Which part of the item a change touched: its status, its geometry (a split replaces the segment by
 * two parts), or other fields with the status kept (a revised plan, recorded as from = to).
 */
export function changedPart(e: Pick<ChangeEvent, 'kind' | 'from' | 'to'>): 'status' | 'geometry' | 'fields' {
  if (e.kind === 'split') return 'geometry'
  return e.from === e.to ? 'fields' : 'status'
}

/**
 * Whether a change is a line of the wall's ticker: a change of status between two known states, entered
 * by people or loaded as the sample history (not an import's or a split's bookkeeping), of an item with
 * a name. The same rule as the `wall.ticker` query (db/queries/wall.ts), so a line built from a live event
 * is the line the next read returns.
 */
export function isTickerNews(
  e: Pick<ChangeEvent, 'kind' | 'from' | 'to' | 'nameZh'>,
): e is typeof e & { from: string; nameZh: string } {
  return (
    (e.kind === 'edit' || e.kind === 'correction' || e.kind === 'seed') &&
    e.from !== null &&
    e.from !== e.to &&
    (e.nameZh ?? '').trim() !== ''
  )
}

/** The ticker's order: changes by people before the sample history, then newest entered first. */
export function tickerOrder(a: Pick<ChangeEvent, 'kind' | 'recordedAt' | 'id'>, b: typeof a): number {
  const seed = Number(a.kind === 'seed') - Number(b.kind === 'seed')
  if (seed !== 0) return seed
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? 1 : -1
  return b.id - a.id
}
