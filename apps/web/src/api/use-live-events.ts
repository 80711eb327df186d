import { useCallback, useEffect, useRef } from 'react'
import { LIVE_EVENTS_PATH, type LiveChange, LiveStream } from './live-stream.ts'

export type { LiveChange } from './live-stream.ts'

export interface LiveEventHandlers {
  onChange?: (change: LiveChange) => void
  /**
   * The stream is up. `reconnected` is false the first time: the page has just read its data, so
   * only a later connection means changes may have been missed while the stream was down.
   */
  onUp?: (reconnected: boolean) => void
  onDown?: () => void
}

/**
 * Keeps one live change stream open while the component is mounted (with the stream's own
 * backoff, resume and silence detection). The latest handlers are called; changing them does not
 * reconnect.
 */
export function useLiveEvents(handlers: LiveEventHandlers): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    let everUp = false
    const stream = new LiveStream(LIVE_EVENTS_PATH, {
      onChange: (change) => latest.current.onChange?.(change),
      onUp: () => {
        latest.current.onUp?.(everUp)
        everUp = true
      },
      onDown: () => latest.current.onDown?.(),
      // The same re-read as after a reconnect: changes were missed and will not be replayed.
      onResync: () => latest.current.onUp?.(true),
    })
    stream.start()
    return () => stream.stop()
  }, [])
}

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
