import type { Database } from '@onemap/db/database'
import type { PublicEvent } from '@onemap/db/queries/events'
import type { EventEntity, EventKind } from '@onemap/domain/statuses'
import { type ChannelHub, type HubSignal, hubCache } from './channel-hub.ts'

/** A status change as live clients receive it: the public fields, without the entry time. */
export type LiveEvent = Omit<PublicEvent, 'recordedAt'>

/**
 * Sent instead of a replay when a client is further behind than the replay window: it must re-read
 * the state it shows; the message's tracked id is the newest event, so it resumes from there.
 */
export interface LiveResync {
  resync: true
}

/** What a subscriber hears: an event, or a gap after the listening connection was re-established. */
export type LiveSignal = HubSignal<LiveEvent>

/** The trigger in migration 002 sends this JSON on channel 'onemap_events'. */
interface Payload {
  id: number
  entity: EventEntity
  entity_id: string
  from: string | null
  to: string
  happened_on: string
  kind: EventKind
}

export const EVENTS_CHANNEL = 'onemap_events'

export type LiveHub = ChannelHub<LiveEvent>

const parse = (raw: unknown): LiveEvent => {
  const p = raw as Payload
  return { id: Number(p.id), entity: p.entity, entityId: p.entity_id, from: p.from, to: p.to, happenedOn: p.happened_on, kind: p.kind }
}

/** The one status-event hub of a database object. */
export const liveHubFor: (db: Database) => LiveHub = hubCache(EVENTS_CHANNEL, parse)
