import type { MapLayerMouseEvent } from 'maplibre-gl'
import { useEffect } from 'react'
import { useLocation } from 'wouter'
import { setDeckLayers } from '../../map/deck-overlay.ts'
import { useMap } from '../../map/map-context.ts'
import type { Facility } from './facility-model.ts'
import { FACILITY_CIRCLE_LAYER } from './public-layers.ts'

const HIGHLIGHT_OWNER = 'public-selection'

/**
 * Map side of the public mode: clicking a marker opens its card (a route change), and the open
 * facility is centred and ringed. The ring is a deck.gl layer, loaded only once a card opens.
 */
export function useFacilityMapInteraction(selected: Facility | undefined) {
  const map = useMap()
  const [, navigate] = useLocation()

  useEffect(() => {
    if (!map) return
    const open = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id
      if (typeof id === 'string') navigate(`/facility/${encodeURIComponent(id)}`)
    }
    const pointer = () => (map.getCanvas().style.cursor = 'pointer')
    const plain = () => (map.getCanvas().style.cursor = '')
    map.on('click', FACILITY_CIRCLE_LAYER, open)
    map.on('mouseenter', FACILITY_CIRCLE_LAYER, pointer)
    map.on('mouseleave', FACILITY_CIRCLE_LAYER, plain)
    return () => {
      map.off('click', FACILITY_CIRCLE_LAYER, open)
      map.off('mouseenter', FACILITY_CIRCLE_LAYER, pointer)
      map.off('mouseleave', FACILITY_CIRCLE_LAYER, plain)
    }
  }, [map, navigate])

  useEffect(() => {
    if (!map) return
    if (!selected) {
      void setDeckLayers(map, HIGHLIGHT_OWNER, [])
      return
    }
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches
    const target = { center: selected.position, zoom: Math.max(map.getZoom(), 14) }
    if (reduceMotion) map.jumpTo(target)
    else map.easeTo({ ...target, duration: 600 })
    let cancelled = false
    void import('./selection-ring.ts').then(({ selectionRing }) => {
      if (!cancelled) void setDeckLayers(map, HIGHLIGHT_OWNER, [selectionRing(selected.position)])
    })
    return () => {
      cancelled = true
    }
  }, [map, selected])
}
