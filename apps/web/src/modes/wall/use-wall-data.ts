import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTRPC } from '../../api/trpc.ts'
import { type LiveChange, useCoalesced, useLiveEvents } from '../../api/use-live-events.ts'

/** Every figure is re-read at least this often, so "数据截至" stays true while nothing changes. */
const POLL_MS = 30_000
const BURST_MS = 150
const MAX_RECENT = 50

export interface RecentChange {
  change: LiveChange
  /** Epoch ms the wall heard of it (drives the map's pulse). */
  heardAt: number
}

/**
 * Everything the wall shows, kept current by the live stream (a change re-reads the figures, the
 * ticker and the map's items within a few hundred ms) and by a slow poll as the safety net.
 */
export function useWallData() {
  const trpc = useTRPC()
  const poll = { refetchInterval: POLL_MS, refetchIntervalInBackground: true, staleTime: 0, retry: 2 } as const
  const summary = useQuery({ ...trpc.progress.summary.queryOptions(), ...poll })
  const timeline = useQuery({ ...trpc.progress.timeline.queryOptions(), ...poll })
  const ticker = useQuery({ ...trpc.wall.ticker.queryOptions({ limit: 12 }), ...poll })
  const roads = useQuery({ ...trpc.features.query.queryOptions({ layer: 'road_segments', limit: 5000 }), ...poll })
  const facilities = useQuery({ ...trpc.features.query.queryOptions({ layer: 'facilities', limit: 5000 }), ...poll })
  // Geometry that live edits do not touch: read once, kept for the page's life.
  const rivers = useQuery({ ...trpc.features.query.queryOptions({ layer: 'rivers', limit: 5000 }), staleTime: Infinity })
  const subDistricts = useQuery({ ...trpc.features.query.queryOptions({ layer: 'sub_districts', limit: 5000 }), staleTime: Infinity })
  const renewalUnits = useQuery({ ...trpc.features.query.queryOptions({ layer: 'renewal_units', limit: 5000 }), staleTime: Infinity })

  const [streamDownSince, setStreamDownSince] = useState<number | null>(() => Date.now())
  const [recent, setRecent] = useState<RecentChange[]>([])

  // The queries a change can alter; coalesced so a burst of edits costs one re-read.
  const rereadAll = useCoalesced(() => {
    for (const q of [summary, timeline, ticker, roads, facilities]) void q.refetch()
  }, BURST_MS)
  useLiveEvents({
    onChange(change) {
      setRecent((list) => [{ change, heardAt: Date.now() }, ...list].slice(0, MAX_RECENT))
      rereadAll()
    },
    onUp() {
      setStreamDownSince(null)
      rereadAll()
    },
    onDown() {
      setStreamDownSince(Date.now())
    },
  })

  return {
    summary: summary.data,
    timeline: timeline.data,
    ticker: ticker.data,
    roads: roads.data as GeoJSON.FeatureCollection | undefined,
    facilities: facilities.data as GeoJSON.FeatureCollection | undefined,
    rivers: rivers.data as GeoJSON.FeatureCollection | undefined,
    renewalUnits: renewalUnits.data as GeoJSON.FeatureCollection | undefined,
    subDistricts: subDistricts.data as GeoJSON.FeatureCollection | undefined,
    /** Epoch ms of the last successful read of the figures, or null before the first. */
    lastFreshAt: summary.dataUpdatedAt || null,
    streamDownSince,
    recent,
  }
}

export type WallData = ReturnType<typeof useWallData>
