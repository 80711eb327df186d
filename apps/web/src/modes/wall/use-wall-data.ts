import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useRef, useState } from 'react'
import { useTRPC, useTRPCClient } from '../../api/trpc.ts'
import { useMap } from '../../map/map-context.ts'
import { moveLayerTiles } from '../../map/layer-tiles.ts'
import { changedPart } from '@onemap/domain/change-event'
import { type ChangeEvent, useCoalesced, useLiveEvents } from '../../api/use-live-events.ts'
import { patchAlarms, patchSummary, withTickerLine } from './wall-patches.ts'

/** Every figure is re-read at least this often, so "数据截至" stays true while nothing changes. */
const POLL_MS = 30_000
const BURST_MS = 150
const MAX_RECENT = 50
// The API's largest page; the wall reads every page, so a zone with more features is never cut short.
const PAGE = 5000
// Enough late items that grouping a road's segments still fills the alarm panel's rows.
const ALARMS = 40
// The wall holds a few more alarms than it shows, so one that leaves the list is replaced from them when
// patched after a change (see patchAlarms), without reading the list again; the poll refills them.
const ALARMS_HELD = 50
const TICKER = 12

type LayerId = 'road_segments' | 'facilities' | 'rivers' | 'sub_districts' | 'renewal_units'

export interface RecentChange {
  change: ChangeEvent
  /** Epoch ms the wall heard of it (drives the map's pulse). */
  heardAt: number
}

const featuresKey = (layer: LayerId) => ['wall', 'features', layer]

/**
 * Applies a change the live event carries (the item's new status) to the map's copy of the layer at
 * once, so the map and its legend move without reading the layer again; the slow poll confirms it.
 */
function patchStatus(queryClient: QueryClient, change: ChangeEvent) {
  const layer: LayerId = change.entity === 'facility' ? 'facilities' : 'road_segments'
  queryClient.setQueryData<GeoJSON.FeatureCollection>(featuresKey(layer), (fc) => {
    if (!fc?.features.some((f) => f.properties?.id === change.entityId && f.properties?.status !== change.to)) return fc
    return {
      ...fc,
      features: fc.features.map((f) =>
        f.properties?.id === change.entityId ? { ...f, properties: { ...f.properties, status: change.to } } : f,
      ),
    }
  })
}

/** Reads every feature of a layer, page by page along `nextCursor`, into one collection. */
function useAllFeatures(layer: LayerId, options: { refetchInterval?: number; staleTime: number }) {
  const client = useTRPCClient()
  return useQuery({
    queryKey: featuresKey(layer),
    queryFn: async (): Promise<GeoJSON.FeatureCollection> => {
      const features: GeoJSON.Feature[] = []
      let cursor: string | undefined
      do {
        const page = await client.features.query.query({ layer, limit: PAGE, ...(cursor ? { cursor } : {}) })
        features.push(...(page.features as GeoJSON.Feature[]))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return { type: 'FeatureCollection', features }
    },
    retry: 2,
    refetchIntervalInBackground: true,
    ...options,
  })
}

/**
 * Everything the wall shows, kept current by the live stream (a change patches its map item and its
 * ticker line from the event, and the figures and alarms from one small read about that item, within a
 * few hundred ms) and by a slow poll as the safety net.
 */
export function useWallData() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const poll = { refetchInterval: POLL_MS, refetchIntervalInBackground: true, staleTime: 0, retry: 2 } as const
  const summary = useQuery({ ...trpc.progress.summary.queryOptions(), ...poll })
  const timeline = useQuery({ ...trpc.progress.timeline.queryOptions(), ...poll })
  const ticker = useQuery({ ...trpc.wall.ticker.queryOptions({ limit: TICKER }), ...poll })
  const alarms = useQuery({ ...trpc.wall.alarms.queryOptions({ limit: ALARMS_HELD }), ...poll })
  const shownAlarms = useMemo(
    () => alarms.data && { ...alarms.data, items: alarms.data.items.slice(0, ALARMS) },
    [alarms.data],
  )
  const roads = useAllFeatures('road_segments', { refetchInterval: POLL_MS, staleTime: 0 })
  const facilities = useAllFeatures('facilities', { refetchInterval: POLL_MS, staleTime: 0 })
  // Geometry and facts that live edits do not touch: read once, kept for the page's life.
  const rivers = useAllFeatures('rivers', { staleTime: Infinity })
  const subDistricts = useAllFeatures('sub_districts', { staleTime: Infinity })
  const renewalUnits = useAllFeatures('renewal_units', { staleTime: Infinity })
  const riverFacts = useQuery({ ...trpc.wall.rivers.queryOptions(), staleTime: Infinity, retry: 2 })

  const [streamDownSince, setStreamDownSince] = useState<number | null>(() => Date.now())
  const [recent, setRecent] = useState<RecentChange[]>([])

  // A change's own feature and its ticker line come from the event. The figures it moves are asked for
  // that item only (wall.itemFigures: the summary's totals and its two place rows, the alarm counts and
  // its alarm) and patched in; coalesced, so a burst of edits costs one read. A burst of several items,
  // or an alarm list that cannot be patched exactly, reads summary and alarms whole. The chart follows
  // with the poll.
  const touched = useRef(new Map<string, ChangeEvent>())
  const rereadFigures = useCoalesced(() => {
    const items = [...touched.current.values()]
    touched.current.clear()
    const whole = () => {
      for (const q of [summary, alarms]) void q.refetch()
    }
    const [item] = items
    if (!item || items.length > 1) return whole()
    void queryClient
      .fetchQuery({ ...trpc.wall.itemFigures.queryOptions({ entity: item.entity, id: item.entityId }), staleTime: 0 })
      .then((figures) => {
        const oldSummary = queryClient.getQueryData(trpc.progress.summary.queryKey())
        const oldAlarms = queryClient.getQueryData(trpc.wall.alarms.queryKey({ limit: ALARMS_HELD }))
        const newAlarms =
          figures && oldAlarms ? patchAlarms(oldAlarms, item, figures.alarms, ALARMS_HELD, ALARMS) : null
        if (!figures || !oldSummary || !newAlarms) return whole()
        queryClient.setQueryData(trpc.progress.summary.queryKey(), patchSummary(oldSummary, figures.summary))
        queryClient.setQueryData(trpc.wall.alarms.queryKey({ limit: ALARMS_HELD }), newAlarms)
      }, whole)
  }, BURST_MS)
  // After an outage, a resync or a split (new geometry), everything a change can alter is read again: the
  // figures, alarms and ticker first (small answers), then the chart and the layers, so the heavy reads do
  // not hold up the light ones in the same batch or on the database.
  const rereadAll = useCoalesced(() => {
    void Promise.allSettled([summary, ticker, alarms].map((q) => q.refetch())).then(() => {
      for (const q of [timeline, roads, facilities]) void q.refetch()
    })
  }, BURST_MS)
  const map = useMap()
  // The newest version heard of each layer other than segments and facilities (see onLayer).
  const layerVersions = useRef(new Map<string, number>())
  useLiveEvents({
    onChange(change) {
      setRecent((list) => [{ change, heardAt: Date.now() }, ...list].slice(0, MAX_RECENT))
      if (changedPart(change) === 'geometry') return rereadAll()
      patchStatus(queryClient, change)
      queryClient.setQueryData(
        trpc.wall.ticker.queryKey({ limit: TICKER }),
        (rows) => rows && withTickerLine(rows, change, TICKER),
      )
      touched.current.set(`${change.entity}:${change.entityId}`, change)
      rereadFigures()
    },
    onLayer(layer, version) {
      // Segments and facilities are patched from their ChangeEvents (every status edit moves their version
      // too): their collections are never read again for this. Another layer is read again alone, once per
      // version, and its basemap tiles move.
      if (layer === 'road_segments' || layer === 'facilities' || version <= (layerVersions.current.get(layer) ?? -1))
        return
      layerVersions.current.set(layer, version)
      if (map) moveLayerTiles(map, layer, version)
      if (layer === 'rivers') void Promise.all([rivers.refetch(), riverFacts.refetch()])
      if (layer === 'sub_districts') void subDistricts.refetch()
      if (layer === 'renewal_units') void renewalUnits.refetch()
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
    alarms: shownAlarms,
    roads: roads.data,
    facilities: facilities.data,
    rivers: rivers.data,
    riverFacts: riverFacts.data,
    renewalUnits: renewalUnits.data,
    subDistricts: subDistricts.data,
    /** Epoch ms of the last successful read of the figures, or null before the first. */
    lastFreshAt: summary.dataUpdatedAt || null,
    streamDownSince,
    recent,
  }
}
