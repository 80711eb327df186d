import type { Database } from '@onemap/db/database'

/** What a hub subscriber hears: a parsed notification, or a gap after the listener reconnected. */
export type HubSignal<T> = { type: 'event'; event: T } | { type: 'gap' }

/**
 * Fans one database LISTEN on `channel` out to every subscriber of this process, so a thousand open
 * screens cost one listening connection, not a thousand. `parse` turns a payload into an event (null:
 * skip); it may read the database, once per notification for the whole process, never per subscriber.
 */
export class ChannelHub<T> {
  private readonly subscribers = new Set<(s: HubSignal<T>) => void>()
  private listening: Promise<() => Promise<void>> | undefined
  // Notifications are parsed one after another, so subscribers hear them in the order they committed.
  private delivered = Promise.resolve()

  constructor(
    private readonly db: Database,
    private readonly channel: string,
    private readonly parse: (payload: unknown, db: Database) => T | null | Promise<T | null>,
  ) {}

  /** Adds a subscriber; resolves once the database listens, to a function that removes it. */
  async subscribe(fn: (s: HubSignal<T>) => void): Promise<() => void> {
    this.subscribers.add(fn)
    try {
      this.listening ??= this.db.listen(this.channel, (p) => this.dispatch(p), {
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

  /** Subscribers in this process (a test waits for its subscription to be among them before it edits). */
  get subscriberCount(): number {
    return this.subscribers.size
  }

  private dispatch(raw: string) {
    let payload: unknown
    try {
      payload = JSON.parse(raw)
    } catch {
      return
    }
    this.delivered = this.delivered.then(async () => {
      try {
        const event = await this.parse(payload, this.db)
        if (event !== null) this.broadcast({ type: 'event', event })
      } catch {
        // It could not be read (the database went away): a gap makes every subscriber catch up from the log.
        this.broadcast({ type: 'gap' })
      }
    })
  }

  private broadcast(s: HubSignal<T>) {
    for (const fn of this.subscribers) fn(s)
  }
}

/** One hub per database object and channel. */
export function hubCache<T>(
  channel: string,
  parse: (payload: unknown, db: Database) => T | null | Promise<T | null>,
): (db: Database) => ChannelHub<T> {
  const hubs = new WeakMap<Database, ChannelHub<T>>()
  return (db) => {
    let hub = hubs.get(db)
    if (!hub) hubs.set(db, (hub = new ChannelHub(db, channel, parse)))
    return hub
  }
}

/**
 * A queue a subscription drains: `push` adds an item, `next()` waits for the next one and answers null
 * once `signal` aborts. A subscription that listens to several hubs pushes all of them into one.
 */
export function signalQueue<T>(signal: AbortSignal | undefined) {
  const items: T[] = []
  let wake: (() => void) | undefined
  signal?.addEventListener('abort', () => wake?.())
  function push(item: T) {
    items.push(item)
    wake?.()
  }
  async function next(): Promise<T | null> {
    while (items.length === 0) {
      if (signal?.aborted) return null
      await new Promise<void>((r) => (wake = r))
      wake = undefined
    }
    return items.shift()!
  }
  return { push, next }
}

/**
 * Subscribes to `hub` with a queue a subscription drains: `next()` waits for the next signal and answers
 * null once `signal` aborts. Listening has started when this resolves.
 */
export async function queuedSubscription<T>(hub: ChannelHub<T>, signal: AbortSignal | undefined) {
  const queue = signalQueue<HubSignal<T>>(signal)
  const unsubscribe = await hub.subscribe(queue.push)
  return { next: queue.next, unsubscribe }
}
