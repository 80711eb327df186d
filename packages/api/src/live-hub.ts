import type { Database } from '@onemap/db/database'
import { changeEventById } from '@onemap/db/queries/events'
import type { ChangeEvent } from '@onemap/domain/change-event'
import { z } from 'zod'
import { type ChannelHub, hubCache } from './channel-hub.ts'

export const EVENTS_CHANNEL = 'onemap_events'

export type LiveHub = ChannelHub<ChangeEvent>

/** The trigger in migration 002 sends the event's id (and more) as JSON on channel 'onemap_events'. */
const Payload = z.object({ id: z.coerce.number().int().positive() })

/**
 * The notification names the event; its row, read once per process, adds the entry time and the
 * layer's version after it, which the trigger of migration 002 does not send. A row not found (never
 * expected after the commit that announced it) throws, and the hub's gap makes subscribers catch up.
 */
async function readChange(raw: unknown, db: Database): Promise<ChangeEvent | null> {
  const payload = Payload.safeParse(raw)
  if (!payload.success) return null
  const event = await changeEventById(db, payload.data.id)
  if (!event) throw new Error(`status event ${payload.data.id} announced but not found`)
  return event
}

/** The one status-event hub of a database object. */
export const liveHubFor: (db: Database) => LiveHub = hubCache(EVENTS_CHANNEL, readChange)
