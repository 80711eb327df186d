import type { Database } from '@onemap/db/database'
import type { DubanLogRow } from '@onemap/db/queries/duban/log'
import { type ChannelHub, hubCache } from '../channel-hub.ts'

/** A 督办 log row as live clients receive it: ids and states only, never order text, notes or actors. */
export type DubanEvent = Omit<DubanLogRow, 'recordedAt' | 'actor' | 'note'>

export const DUBAN_CHANNEL = 'onemap_duban'

/** The trigger in migration 005 sends this JSON on channel 'onemap_duban'. */
const parse = (raw: unknown): DubanEvent => {
  const p = raw as {
    id: number
    action: DubanEvent['action']
    order_id: number | null
    unit_id: string | null
    entity: DubanEvent['entity']
    entity_id: string | null
    from: string | null
    to: string | null
  }
  return {
    id: Number(p.id),
    action: p.action,
    orderId: p.order_id === null ? null : Number(p.order_id),
    unitId: p.unit_id,
    entity: p.entity,
    entityId: p.entity_id,
    from: p.from,
    to: p.to,
  }
}

/** The one 督办 hub of a database object (planners, units and walls share its LISTEN). */
export const dubanHubFor: (db: Database) => ChannelHub<DubanEvent> = hubCache(DUBAN_CHANNEL, parse)
