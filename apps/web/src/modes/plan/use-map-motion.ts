import { useQueryClient } from '@tanstack/react-query'
import type { LngLatBoundsLike, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl'
import { useCallback, useEffect, useState } from 'react'
import { useTRPC } from '../../api/trpc.ts'
import type { Entity } from './plan-data.ts'
import { PLAN_SOURCES } from './plan-layers.ts'

/**
 * Calls `done` once the map is still, every tile is loaded and `ready()` holds: checked now (a map that
 * is already drawn fires no further 'idle') and again on every 'idle' event, MapLibre's signal that a
 * render left nothing to load or animate. `recheck` lets a caller look again after `ready()` changed.
 */
export function whenDrawn(
  map: MapLibreMap,
  ready: () => boolean,
  done: () => void,
): { stop: () => void; recheck: () => void } {
  let finished = false
  const stop = () => {
    finished = true
    map.off('idle', recheck)
  }
  function recheck() {
    if (finished || !ready() || map.isMoving() || !map.loaded()) return
    stop()
    done()
  }
  map.on('idle', recheck)
  recheck()
  return { stop, recheck }
}

/**
 * The revision whose segment tiles are fully drawn: set once their TileJSON has reloaded (a new
 * version in the tile URLs) and the map has loaded every tile since. Tests and screenshots wait for it.
 */
export function useIdleRevision(map: MapLibreMap | null, revision: number): number {
  const [idleRevision, setIdleRevision] = useState(-1)
  useEffect(() => {
    if (!map) return
    let reloaded = revision === 0
    const drawn = whenDrawn(
      map,
      () => reloaded,
      () => setIdleRevision(revision),
    )
    const onData = (e: MapSourceDataEvent) => {
      if (e.sourceId !== PLAN_SOURCES.segments || e.sourceDataType !== 'metadata') return
      reloaded = true
      drawn.recheck()
    }
    map.on('sourcedata', onData)
    return () => {
      drawn.stop()
      map.off('sourcedata', onData)
    }
  }, [map, revision])
  return idleRevision
}

const PADDING = { top: 80, bottom: 80, left: 80, right: 80 }
/** The drawer floats over the map's right side on desktop (plan.css): keep the item clear of it. */
const DOCKED_RIGHT = 56 + 400 + 40
const drawerDocked = () => window.matchMedia('(min-width: 900px)').matches

/** Flies the map to an item (a segment's extent, a facility's point) and reports when it is drawn there. */
export function useFlyTo(map: MapLibreMap | null, onSettled: (id: string) => void) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useCallback(
    async (entity: Entity, id: string) => {
      if (!map) return
      let bounds: LngLatBoundsLike
      if (entity === 'road_segment') {
        const s = await queryClient.fetchQuery(trpc.analysis.segment.queryOptions({ id }))
        const xs = s.geometry.coordinates.map((c) => c[0])
        const ys = s.geometry.coordinates.map((c) => c[1])
        bounds = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
      } else {
        const f = await queryClient.fetchQuery(trpc.analysis.facility.queryOptions({ id }))
        bounds = [f.lonLat[0], f.lonLat[1], f.lonLat[0], f.lonLat[1]]
      }
      map.fitBounds(bounds, {
        padding: { ...PADDING, right: drawerDocked() ? DOCKED_RIGHT : PADDING.right },
        maxZoom: entity === 'facility' ? 16 : 17,
        duration: 600,
      })
      whenDrawn(
        map,
        () => true,
        () => onSettled(id),
      )
    },
    [map, queryClient, trpc, onSettled],
  )
}

/** Fits the map to a [west, south, east, north] box, e.g. a sub-district the filter chose. */
export function fitBox(map: MapLibreMap | null, bbox: [number, number, number, number] | null | undefined) {
  if (map && bbox) map.fitBounds(bbox, { padding: 40, duration: 600 })
}
