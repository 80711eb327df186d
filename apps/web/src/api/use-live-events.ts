import type { ChangeEvent, LiveMessage } from '@onemap/domain/change-event'
import type { MapLayerId } from '@onemap/domain/layers'
import { useCallback, useEffect, useRef } from 'react'
import { useTRPCClient } from './trpc.ts'

export type { ChangeEvent } from '@onemap/domain/change-event'

export interface LiveEventHandlers {
  onChange?: (event: ChangeEvent) => void
  /**
   * A layer's version moved (an import, a road renamed, a geometry edit, a status change too): `version`
   * is the one its tile URLs carry. After a reconnect every layer's current version arrives, one call
   * each, so compare with what is shown before re-reading anything.
   */
  onLayer?: (layer: MapLayerId, version: number) => void
  /**
   * The stream is up. `reconnected` is false the first time: the page has just read its data, so
   * only a later connection (or a resync order: too many changes missed to replay) means changes may
   * have been missed.
   */
  onUp?: (reconnected: boolean) => void
  onDown?: () => void
}

/**
 * Keeps the `live.events` subscription open while the component is mounted, through tRPC's
 * subscription link (see createApiClient: resume from the last event id, the server's inactivity
 * interval, backoff with jitter). The latest handlers are called; changing them does not reconnect.
 * `items` asks for each road segment's state with its change (see ChangeEvent.item).
 */
export function useLiveEvents(handlers: LiveEventHandlers, options: { items?: boolean } = {}): void {
  const client = useTRPCClient()
  const items = options.items === true
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    let everUp = false
    let up = false
    // With `items`, each segment change carries the segment's state after it (the workbench's table patch).
    const sub = client.live.events.subscribe(items ? { items } : undefined, {
      // Every (re)connection announces itself; the first one only ends the initial "connecting".
      onStarted() {
        if (up) return
        up = true
        latest.current.onUp?.(everUp)
        everUp = true
      },
      onConnectionStateChange(state) {
        if (state.state !== 'connecting' || !up) return
        up = false
        latest.current.onDown?.()
      },
      onData(received) {
        // Changes and resyncs come tracked ({ id, data }); layer messages plain, with no id to resume from.
        const data: LiveMessage = 'type' in received ? received : received.data
        if (data.type === 'change') latest.current.onChange?.(data.event)
        else if (data.type === 'layer') latest.current.onLayer?.(data.layer, data.version)
        // The same re-read as after a reconnect: changes were missed and will not be replayed.
        else latest.current.onUp?.(true)
      },
      // Only a refusal ends the stream (retryLink retries everything else); the poll remains the safety net.
      onError: (err) => console.warn('[live] the server refused the change stream', err),
    })
    return () => sub.unsubscribe()
  }, [client, items])
}

// Event ids this page has already applied itself (its own saves): their echo on the stream re-reads nothing.
const applied = new Set<number>()
const APPLIED_MAX = 500

/** Records events the page applied from its own save, so the stream's echo of them is skipped. */
export function markEventsApplied(ids: readonly number[]): void {
  for (const id of ids) applied.add(id)
  for (const id of applied) {
    if (applied.size <= APPLIED_MAX) break
    applied.delete(id)
  }
}

/** Whether the page applied this event itself (see markEventsApplied). */
export const isEventApplied = (id: number): boolean => applied.has(id)

/**
 * A trigger that runs `run` once, `quietMs` after the last of a burst of calls: several edits
 * committed together arrive as a burst, and one re-read after it is enough. Cancelled on unmount.
 */
export function useCoalesced(run: () => void, quietMs: number): () => void {
  const latest = useRef(run)
  latest.current = run
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  return useCallback(() => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => latest.current(), quietMs)
  }, [quietMs])
}
