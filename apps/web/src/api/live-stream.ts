import '../zod-without-eval.ts'
import { EventEntity } from '@onemap/domain/statuses'
import { z } from 'zod'

/** The fields of a live status change the screens use; the rest of the message is ignored. */
const LiveChange = z.object({ id: z.number(), entity: EventEntity, entityId: z.string(), to: z.string() })
export type LiveChange = z.infer<typeof LiveChange>
/** The server's answer to a client too far behind to replay (LiveResync in packages/api/src/live-hub.ts). */
const LiveResync = z.object({ resync: z.literal(true) })

export interface LiveStreamHandlers {
  onChange(change: LiveChange): void
  /** The subscription is established (again); anything may have changed while it was down. */
  onUp(): void
  onDown(): void
  /** Too many changes were missed to replay them: re-read everything shown. */
  onResync(): void
}

// The server pings every 15 s (packages/api/src/trpc.ts); two missed pings and a margin mean a dead
// connection that the browser has not noticed (a proxy that keeps the socket but drops the data).
const SILENCE_MS = 40_000

/** Where the server answers the tRPC `live.events` subscription (same origin as the page). */
export const LIVE_EVENTS_PATH = '/trpc/live.events'

/**
 * The tRPC `live.events` SSE subscription, kept open forever. The browser's own EventSource retry
 * is switched off (closed on the first error) in favour of exponential backoff with jitter, and a
 * reconnect resumes from the last event id, so a server restart loses no change.
 */
export class LiveStream {
  private source: EventSource | null = null
  private attempt = 0
  private lastEventId: string | null = null
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private silenceTimer: ReturnType<typeof setTimeout> | undefined
  private up = false
  private stopped = false

  constructor(
    private readonly path: string,
    private readonly handlers: LiveStreamHandlers,
  ) {}

  start(): void {
    this.stopped = false
    addEventListener('online', this.reconnectNow)
    this.connect()
  }

  stop(): void {
    this.stopped = true
    removeEventListener('online', this.reconnectNow)
    clearTimeout(this.retryTimer)
    clearTimeout(this.silenceTimer)
    this.source?.close()
    this.source = null
  }

  private connect(): void {
    if (this.stopped) return
    const input = this.lastEventId ? `?input=${encodeURIComponent(JSON.stringify({ lastEventId: this.lastEventId }))}` : ''
    const source = new EventSource(`${this.path}${input}`)
    this.source = source
    this.heard()
    source.addEventListener('connected', () => {
      this.attempt = 0
      this.heard()
      if (!this.up) {
        this.up = true
        this.handlers.onUp()
      }
    })
    source.addEventListener('ping', () => this.heard())
    source.addEventListener('message', (msg: MessageEvent<string>) => {
      this.heard()
      if (msg.lastEventId) this.lastEventId = msg.lastEventId
      const message = readLiveMessage(msg.data)
      if (message?.kind === 'change') this.handlers.onChange(message.change)
      else if (message?.kind === 'resync') this.handlers.onResync()
      else console.warn('[live] ignored a live message of unknown shape')
    })
    // The server ended the subscription or reported an error: both mean start again.
    source.addEventListener('return', () => this.fail())
    source.addEventListener('serialized-error', () => this.fail())
    source.onerror = () => this.fail()
  }

  private heard(): void {
    clearTimeout(this.silenceTimer)
    this.silenceTimer = setTimeout(() => this.fail(), SILENCE_MS)
  }

  private fail(): void {
    clearTimeout(this.silenceTimer)
    this.source?.close()
    this.source = null
    if (this.up) {
      this.up = false
      this.handlers.onDown()
    }
    if (this.stopped) return
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => this.connect(), reconnectDelay(this.attempt++))
  }

  /** The network came back: skip the rest of the backoff. */
  private readonly reconnectNow = () => {
    if (this.up || this.stopped) return
    clearTimeout(this.retryTimer)
    this.attempt = 0
    this.connect()
  }
}

/**
 * Delay before reconnect attempt `attempt` (0-based): doubling from 1 s to a 30 s ceiling, with up
 * to 25% random spread so a room of walls does not reconnect in lock-step after a server restart.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 10))
  return Math.round(base * (1 - 0.25 * random()))
}

/** A live message's meaning: one change, a resync order, or null for anything else. */
export function readLiveMessage(text: string): { kind: 'change'; change: LiveChange } | { kind: 'resync' } | null {
  const data = safeJson(text)
  const change = LiveChange.safeParse(data)
  if (change.success) return { kind: 'change', change: change.data }
  return LiveResync.safeParse(data).success ? { kind: 'resync' } : null
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
