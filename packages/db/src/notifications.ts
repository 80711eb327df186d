import { backoffDelay } from '@onemap/domain/backoff'
import pg from 'pg'

/** Receives the payload of one NOTIFY on a channel. */
export type NotificationHandler = (payload: string) => void

export interface ListenOptions {
  /**
   * Called after the listening connection was lost and re-established: notifications sent in
   * between are gone, so the caller re-reads what it may have missed.
   */
  onReconnect?: () => void
}

export interface Listener {
  listen(channel: string, handler: NotificationHandler, options?: ListenOptions): Promise<() => Promise<void>>
  close(): Promise<void>
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/
// 100 ms, 200 ms, … capped at 5 s: a database restart is usually over within seconds.
const RELISTEN_BACKOFF = { firstMs: 100, maxMs: 5_000 }

/** Channels are fixed names in code; still checked, because LISTEN cannot take a bound parameter. */
function checkChannel(channel: string): string {
  if (!CHANNEL.test(channel)) throw new Error(`Invalid notification channel name '${channel}'`)
  return channel
}

/** Handlers per channel plus reconnect callbacks, shared by both backends. */
class Registry {
  readonly handlers = new Map<string, Set<NotificationHandler>>()
  readonly reconnects = new Set<() => void>()

  dispatch(channel: string, payload: string | undefined) {
    for (const h of this.handlers.get(channel) ?? []) {
      try {
        h(payload ?? '')
      } catch {
        // One faulty subscriber must not starve the others.
      }
    }
  }

  reconnected() {
    for (const r of this.reconnects) r()
  }

  /** Adds a handler; true when it is the channel's first (the caller must then LISTEN). */
  add(channel: string, handler: NotificationHandler, options?: ListenOptions): boolean {
    let set = this.handlers.get(channel)
    const first = !set
    if (!set) this.handlers.set(channel, (set = new Set()))
    set.add(handler)
    if (options?.onReconnect) this.reconnects.add(options.onReconnect)
    return first
  }

  /** Removes a handler; true when the channel has no handler left (the caller may UNLISTEN). */
  remove(channel: string, handler: NotificationHandler, options?: ListenOptions): boolean {
    const set = this.handlers.get(channel)
    set?.delete(handler)
    if (options?.onReconnect) this.reconnects.delete(options.onReconnect)
    if (set && set.size === 0) {
      this.handlers.delete(channel)
      return true
    }
    return false
  }
}

/**
 * Server backend: one dedicated connection outside the pool holds every LISTEN, because a pooled
 * connection may be closed when idle or handed to a query inside a transaction. When it drops (server
 * restart, network), it is re-opened with exponential backoff and the channels are listened again.
 */
export function serverListener(connectionString: string): Listener {
  const registry = new Registry()
  let client: pg.Client | null = null
  let connecting: Promise<pg.Client> | null = null
  let retry: NodeJS.Timeout | undefined
  let attempt = 0
  let closed = false

  async function open(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString })
    c.on('notification', (msg) => registry.dispatch(msg.channel, msg.payload))
    c.on('error', () => lost(c))
    c.on('end', () => lost(c))
    await c.connect()
    for (const channel of registry.handlers.keys()) await c.query(`LISTEN ${channel}`)
    return c
  }

  function connect(): Promise<pg.Client> {
    connecting ??= open().then(
      (c) => {
        client = c
        connecting = null
        return c
      },
      (err) => {
        connecting = null
        throw err
      },
    )
    return connecting
  }

  function lost(c: pg.Client) {
    if (client !== c) return
    client = null
    c.end().catch(() => {})
    scheduleReconnect()
  }

  function scheduleReconnect() {
    if (closed || retry) return
    const delay = backoffDelay(attempt, RELISTEN_BACKOFF)
    attempt += 1
    retry = setTimeout(() => {
      retry = undefined
      connect().then(
        () => {
          attempt = 0
          registry.reconnected()
        },
        () => scheduleReconnect(),
      )
    }, delay)
    retry.unref()
  }

  return {
    async listen(channel, handler, options) {
      checkChannel(channel)
      const first = registry.add(channel, handler, options)
      try {
        const c = client ?? (await connect())
        // open() already listened to every registered channel, this one included, on a new client.
        if (first && c === client) await c.query(`LISTEN ${channel}`)
      } catch (err) {
        registry.remove(channel, handler, options)
        throw err
      }
      return async () => {
        if (registry.remove(channel, handler, options)) await client?.query(`UNLISTEN ${channel}`).catch(() => {})
      }
    },
    async close() {
      closed = true
      clearTimeout(retry)
      const c = client ?? (await connecting?.catch(() => null))
      client = null
      await c?.end().catch(() => {})
    },
  }
}

/**
 * Embedded backend: PGlite delivers a NOTIFY only to the socket connection that ran LISTEN, and the
 * pool there has exactly one client that is never closed when idle. So the LISTEN runs on that
 * client, and every client the pool creates (after a dropped connection) is given the handlers and
 * the LISTENs again. `attach` is called from pool.on('connect').
 */
export function embeddedListener(pool: pg.Pool): Listener & { attach(client: pg.PoolClient): void } {
  const registry = new Registry()
  let connections = 0
  return {
    attach(client) {
      connections += 1
      client.on('notification', (msg) => registry.dispatch(msg.channel, msg.payload))
      const channels = [...registry.handlers.keys()]
      if (connections > 1 && channels.length > 0) {
        // Queued ahead of the query that asked for this client, so no edit slips in unheard.
        for (const channel of channels) client.query(`LISTEN ${channel}`).catch(() => {})
        setImmediate(() => registry.reconnected())
      }
    },
    async listen(channel, handler, options) {
      checkChannel(channel)
      if (registry.add(channel, handler, options)) {
        try {
          await pool.query(`LISTEN ${channel}`)
        } catch (err) {
          registry.remove(channel, handler, options)
          throw err
        }
      }
      return async () => {
        if (registry.remove(channel, handler, options)) await pool.query(`UNLISTEN ${channel}`).catch(() => {})
      }
    },
    async close() {
      registry.handlers.clear()
      registry.reconnects.clear()
    },
  }
}
