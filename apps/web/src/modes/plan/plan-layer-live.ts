import type { MapLayerId } from '@onemap/domain/layers'
import { useQueryClient } from '@tanstack/react-query'
import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl'
import { useCallback } from 'react'
import { useTRPC } from '../../api/trpc.ts'
import { moveLayerTiles, tileUrlVersion } from '../../map/layer-tiles.ts'
import { PLAN_SOURCES } from './plan-layers.ts'

/** The workbench's own segment and facility sources: their tile URLs move with `revision` (use-plan-map.ts). */
const REVISION_SOURCES = new Map<string, MapLayerId>([
  [PLAN_SOURCES.segments, 'road_segments'],
  [PLAN_SOURCES.facilities, 'facilities'],
])

/**
 * What the workbench does when the live stream reports a layer's new version (see usePlanLive): exactly
 * that layer's tiles move, wherever the map draws them, when they show an older version. Its own segment
 * and facility tiles move through `onTilesChanged` (the revision that reloads them after an edit, which
 * tests and screenshots wait for). Nothing else is read again through tRPC but what lists that layer's
 * features (the places the filter offers), for layers other than segments and facilities.
 */
export function usePlanLayerLive(
  map: MapLibreMap | null,
  onTilesChanged: () => void,
): (layer: MapLayerId, version: number) => void {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useCallback(
    (layer, version) => {
      const own = [...REVISION_SOURCES].find(([, l]) => l === layer)?.[0]
      // Lists of the layer read through tRPC (the places the filter offers: usePlaces): whatever page size
      // they were read with. Segments and facilities are re-read from their ChangeEvents instead.
      if (!own) void queryClient.invalidateQueries(trpc.features.query.queryFilter({ layer }))
      if (!map) return
      const ownShown = own ? tileUrlVersion(map.getSource<VectorTileSource>(own)?.tiles?.[0] ?? '') : undefined
      if (ownShown !== undefined && ownShown < version) onTilesChanged()
      moveLayerTiles(map, layer, version, (id) => REVISION_SOURCES.has(id))
    },
    [map, onTilesChanged, queryClient, trpc],
  )
}
