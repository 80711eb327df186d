import type { Database } from '@onemap/db/database'
import type { ChangeEvent, LayerVersionMessage, LiveMessage } from '@onemap/domain/change-event'
import { expect, vi } from 'vitest'
import { layerHubFor } from '../layer-hub.ts'
import { liveHubFor } from '../live-hub.ts'
import { callerAs } from './fixture.ts'

/** A message of live.events as a server-side caller receives it: tracked ones carry their event id, layer messages none. */
export interface Received {
  id: string | null
  data: LiveMessage
}

/** Server-side callers receive tracked() envelopes as [id, data, marker] tuples and untracked values as they are. */
function received(value: unknown): Received {
  if (Array.isArray(value)) return { id: value[0] as string, data: value[1] as LiveMessage }
  return { id: null, data: value as LiveMessage }
}

export interface LiveReader {
  /** The next message, whatever it is. */
  next(): Promise<Received>
  /** Reads on until a message passes `want`; the ones passed over are kept in `skipped`. */
  until<T extends Received>(want: (r: Received) => r is T): Promise<T>
  readonly skipped: Received[]
  /** Ends the stream; only after a message was read (a pending read would hold the generator open). */
  close(): Promise<void>
}

/**
 * Opens live.events as the public would (from `lastEventId` when given) and resolves once the
 * subscription has joined both hubs, the status events' and the layer versions': from then on no
 * commit is missed.
 */
export async function openLive(db: Database, lastEventId?: number): Promise<LiveReader> {
  const hubs = [liveHubFor(db), layerHubFor(db)] as const
  // The hubs listen once a probe subscribed; the stream is live once it joins their subscribers.
  const probes = await Promise.all(hubs.map((h) => h.subscribe(() => {})))
  const before = hubs.map((h) => h.subscriberCount)
  const stream = (await callerAs(db, null).live.events(
    lastEventId === undefined ? undefined : { lastEventId: String(lastEventId) },
  )) as AsyncIterable<unknown>
  const it = stream[Symbol.asyncIterator]()
  // The generator runs (and subscribes) once asked for its first value.
  let pending: Promise<IteratorResult<unknown>> | undefined = it.next()
  await vi.waitFor(() => expect(hubs.map((h) => h.subscriberCount)).toEqual(before.map((n) => n + 1)))
  for (const stop of probes) stop()
  const skipped: Received[] = []
  const next = async () => {
    const r = await (pending ?? it.next())
    pending = undefined
    if (r.done) throw new Error('live.events ended')
    return received(r.value)
  }
  return {
    next,
    skipped,
    async until<T extends Received>(want: (r: Received) => r is T): Promise<T> {
      for (;;) {
        const r = await next()
        if (want(r)) return r
        skipped.push(r)
      }
    },
    async close() {
      await it.return?.()
    },
  }
}

/** A change (of that event id, when given: changes of an earlier test may still be on their way through the hub). */
export const isChange =
  (id?: number) =>
  (r: Received): r is Received & { id: string; data: { type: 'change'; event: ChangeEvent } } =>
    r.data.type === 'change' && (id === undefined || r.id === String(id))

export const isLayer =
  (layer?: string) =>
  (r: Received): r is Received & { data: LayerVersionMessage } =>
    r.data.type === 'layer' && (layer === undefined || r.data.layer === layer)
