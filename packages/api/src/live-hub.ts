import type { Database } from '@onemap/db/database'
import type { PublicEvent } from '@onemap/db/queries/events'
import type { EventEntity, EventKind } from '@onemap/domain/statuses'

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
export type LiveSignal = { type: 'event'; event: LiveEvent } | { type: 'gap' }

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

/**
 * Fans one database LISTEN out to every live subscriber of this process, so a thousand open screens
 * cost one listening connection, not a thousand.
 */
export class LiveHub {
  private readonly subscribers = new Set<(s: LiveSignal) => void>()
  private listening: Promise<() => Promise<void>> | undefined

  constructor(private readonly db: Database) {}

  /** Adds a subscriber; resolves once the database listens, to a function that removes it. */
  async subscribe(fn: (s: LiveSignal) => void): Promise<() => void> {
    this.subscribers.add(fn)
    try {
      this.listening ??= this.db.listen(EVENTS_CHANNEL, (p) => this.dispatch(p), {
        onReconnect: () => this.broadcast({ type: 'gap' }),
      })
      await this.listening
    } catch (err) {
      this.listening = undefined
      this.subscribers.delete(fn)
      throw err
    }
    return () => this.subscribers.delete(fn)
  }

  private dispatch(raw: string) {
    let p: Payload
    try {
      p = JSON.parse(raw) as Payload
    } catch {
      return
    }
    this.broadcast({
      type: 'event',
      event: { id: Number(p.id), entity: p.entity, entityId: p.entity_id, from: p.from, to: p.to, happenedOn: p.happened_on, kind: p.kind },
    })
  }

  private broadcast(s: LiveSignal) {
    for (const fn of this.subscribers) fn(s)
  }
}

const hubs = new WeakMap<Database, LiveHub>()

/** The one hub of a database object. */
export function liveHubFor(db: Database): LiveHub {
  let hub = hubs.get(db)
  if (!hub) hubs.set(db, (hub = new LiveHub(db)))
  return hub
}
