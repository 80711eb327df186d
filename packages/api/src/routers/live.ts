import { changeEventsAfter, countEventsAfter, latestEventId } from '@onemap/db/queries/events'
import type { ChangeEvent, LayerVersionMessage, LiveMessage } from '@onemap/domain/change-event'
import { tracked } from '@trpc/server'
import { z } from 'zod'
import { type HubSignal, signalQueue } from '../channel-hub.ts'
import { currentLayerVersions, layerHubFor } from '../layer-hub.ts'
import { liveHubFor } from '../live-hub.ts'
import { publicProcedure, router } from '../trpc.ts'

const CATCH_UP_PAGE = 500
/**
 * Most events replayed to a reconnecting client. Further behind (a wall off for a week, or a caller
 * asking from event 0), replaying costs more than re-reading the state, and anyone could make the
 * server stream the whole audit log: such a client gets one `resync` message instead.
 */
export const REPLAY_WINDOW = 1000

/** What the stream hears: a status event from one hub, or layers' new versions from the other. */
type Heard = { from: 'events'; s: HubSignal<ChangeEvent> } | { from: 'layers'; s: HubSignal<LayerVersionMessage[]> }

export const liveRouter = router({
  /**
   * Changes as they commit (ChangeEvent: what changed, and the layer's new version), each tracked by
   * its event id. A client that reconnects sends the last id it saw and first receives every change
   * after it from the log, then live ones; one more than REPLAY_WINDOW events behind receives a
   * `resync` message instead and re-reads.
   *
   * Interleaved, untracked: `{ type: 'layer' }` whenever a catalogue layer's version moves (an import, a
   * road renamed, a geometry edit, a status change too), with the version tile URLs carry. Untracked,
   * they leave the last change's id as the resume point (tRPC's SSE restores the EventSource's id after
   * each). A client that resumes, and every subscriber when the layer listener reconnected, receives
   * every layer's current version, since the notifications in between are lost.
   */
  events: publicProcedure
    .input(
      z
        .object({
          lastEventId: z
            .string()
            .regex(/^\d{1,18}$/)
            .nullish(),
          /** Send each road segment's state after its change (the planner's workbench patches its table). */
          items: z.boolean().optional(),
        })
        .optional(),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      // The item's state is for the workbench; the wall and other screens do without its bytes.
      // (An undefined field is left out of the JSON on the wire.)
      const out = (e: ChangeEvent): ChangeEvent => (input?.items ? e : { ...e, item: undefined })
      const queue = signalQueue<Heard>(signal)
      const unsubscribe: (() => void)[] = []
      try {
        // Listen before reading the log, so nothing committed in between falls through the crack.
        unsubscribe.push(await liveHubFor(ctx.db).subscribe((s) => queue.push({ from: 'events', s })))
        unsubscribe.push(await layerHubFor(ctx.db).subscribe((s) => queue.push({ from: 'layers', s })))
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
            yield tracked<LiveMessage>(String(last), { type: 'resync' })
            return
          }
          for (;;) {
            const page = await changeEventsAfter(ctx.db, last, CATCH_UP_PAGE)
            for (const event of page) {
              if (sent.has(event.id)) continue
              mark(event.id)
              yield tracked<LiveMessage>(String(event.id), { type: 'change', event: out(event) })
            }
            if (page.length < CATCH_UP_PAGE) return
          }
        }
        // Plain values, not tracked(): a layer message is no point to resume from.
        const layersNow = async function* (): AsyncGenerator<LiveMessage> {
          yield* await currentLayerVersions(ctx.db)
        }
        if (input?.lastEventId) {
          yield* catchUp()
          yield* layersNow()
        }
        for (let h = await queue.next(); h; h = await queue.next()) {
          if (h.from === 'layers') {
            if (h.s.type === 'gap') yield* layersNow()
            else yield* h.s.event satisfies LiveMessage[]
          } else if (h.s.type === 'gap') {
            yield* catchUp()
          } else if (!sent.has(h.s.event.id)) {
            mark(h.s.event.id)
            yield tracked<LiveMessage>(String(h.s.event.id), { type: 'change', event: out(h.s.event) })
          }
        }
      } finally {
        for (const u of unsubscribe) u()
      }
    }),
})
