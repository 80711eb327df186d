import { countEventsAfter, eventsAfter, latestEventId } from '@onemap/db/queries/events'
import { tracked } from '@trpc/server'
import { z } from 'zod'
import { liveHubFor, type LiveEvent, type LiveResync, type LiveSignal } from '../live-hub.ts'
import { publicProcedure, router } from '../trpc.ts'

const CATCH_UP_PAGE = 500
/**
 * Most events replayed to a reconnecting client. Further behind (a wall off for a week, or a caller
 * asking from event 0), replaying costs more than re-reading the state, and anyone could make the
 * server stream the whole audit log: such a client gets one `resync` message instead.
 */
export const REPLAY_WINDOW = 1000

/** A queue the hub pushes into and the subscription drains; ends when the request is aborted. */
function signalQueue(signal: AbortSignal | undefined) {
  const items: LiveSignal[] = []
  let wake: (() => void) | undefined
  const push = (s: LiveSignal) => {
    items.push(s)
    wake?.()
  }
  signal?.addEventListener('abort', () => wake?.())
  async function next(): Promise<LiveSignal | null> {
    while (items.length === 0) {
      if (signal?.aborted) return null
      await new Promise<void>((r) => (wake = r))
      wake = undefined
    }
    return items.shift()!
  }
  return { push, next }
}

export const liveRouter = router({
  /**
   * Status changes as they commit, each tracked by its event id. A client that reconnects sends
   * the last id it saw and first receives every event after it from the log, then live ones; one
   * more than REPLAY_WINDOW events behind receives `{ resync: true }` instead and re-reads.
   */
  events: publicProcedure
    .input(z.object({ lastEventId: z.string().regex(/^\d{1,18}$/).nullish() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      const queue = signalQueue(signal)
      // Listen before reading the log, so nothing committed in between falls through the crack.
      const unsubscribe = await liveHubFor(ctx.db).subscribe(queue.push)
      try {
        let last = input?.lastEventId ? Number(input.lastEventId) : await latestEventId(ctx.db)
        // Ids already sent. Two transactions may commit out of id order, so a live event with an id
        // below `last` can still be new: only an id actually sent is skipped.
        const sent = new Set<number>()
        const mark = (id: number) => {
          sent.add(id)
          if (sent.size > 10_000) sent.delete(sent.values().next().value!)
          if (id > last) last = id
        }
        const catchUp = async function* () {
          if ((await countEventsAfter(ctx.db, last, REPLAY_WINDOW + 1)) > REPLAY_WINDOW) {
            last = await latestEventId(ctx.db)
            yield tracked(String(last), { resync: true } satisfies LiveResync)
            return
          }
          for (;;) {
            const page = await eventsAfter(ctx.db, last, CATCH_UP_PAGE)
            for (const { recordedAt: _recordedAt, ...event } of page) {
              if (sent.has(event.id)) continue
              mark(event.id)
              yield tracked(String(event.id), event satisfies LiveEvent)
            }
            if (page.length < CATCH_UP_PAGE) return
          }
        }
        if (input?.lastEventId) yield* catchUp()
        for (;;) {
          const s = await queue.next()
          if (!s) return
          if (s.type === 'gap') {
            yield* catchUp()
          } else if (!sent.has(s.event.id)) {
            mark(s.event.id)
            yield tracked(String(s.event.id), s.event)
          }
        }
      } finally {
        unsubscribe()
      }
    }),
})
