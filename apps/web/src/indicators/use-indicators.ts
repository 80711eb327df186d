import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTRPC, useTRPCClient } from '../api/trpc.ts'
import { useCoalesced } from '../api/use-live-events.ts'

// A burst (an import of a whole table) arrives as many events; one re-read after it is enough.
const BURST_MS = 150

/** Marked (performance timeline) each time the indicator stream is up: from then on no change is missed. */
export const INDICATORS_LIVE_MARK = 'onemap:indicators-live'

/**
 * The indicator overview, re-read when the server announces a committed change (so an edit
 * reaches the wall in well under 2 s) and, with `pollMs`, on a slow poll as the safety net. The
 * subscription link reconnects by itself (see createApiClient); every (re)connection re-reads, since
 * changes may have been missed while it was down.
 */
export function useIndicators({ live, pollMs }: { live: boolean; pollMs?: number }) {
  const trpc = useTRPC()
  const query = useQuery({
    ...trpc.indicators.overview.queryOptions(),
    refetchInterval: pollMs ?? false,
    staleTime: live ? 0 : 60_000,
  })
  const reread = useCoalesced(() => void query.refetch(), BURST_MS)
  const client = useTRPCClient()
  useEffect(() => {
    if (!live || typeof EventSource === 'undefined') return
    const started = () => {
      performance.mark(INDICATORS_LIVE_MARK)
      reread()
    }
    const sub = client.indicators.live.subscribe(undefined, { onStarted: started, onData: reread })
    return () => sub.unsubscribe()
  }, [client, live, reread])
  return query
}
