import type { MapMouseEvent } from 'maplibre-gl'
import { useEffect, useState } from 'react'
import { useLocation } from 'wouter'
import { FIRST_IDLE_MARK } from '../../map/MapCanvas.tsx'
import { useMap } from '../../map/map-context.ts'
import type { Facility } from './facility-model.ts'
import { facilityIcons } from './facility-icons.ts'
import { FACILITY_CIRCLE_LAYER, ROAD_HIGHLIGHT_LAYER, ROAD_LAYERS, ROAD_STATUS_LAYER } from './public-layers.ts'
import type { Road } from './road-model.ts'

/** The basemap's sub-district label, which labels every tile piece of a polygon; replaced here by one label each. */
const TILE_SUB_DISTRICT_LABEL = 'sub-district-label'
/** The first label layer of the basemap: road colours go beneath it so names stay readable. */
const BELOW_LABELS = 'river-label'

const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches
/**
 * On a phone the card's bottom sheet covers the lower edge of the map: keep the item in the part
 * above it (the sheet is at most 46 % of the screen; the map ends near 60 %).
 */
const padding = () => ({
  top: 32,
  left: 32,
  right: 32,
  bottom: matchMedia('(max-width: 899px)').matches ? Math.round(innerHeight * 0.12) + 32 : 32,
})

/**
 * One point inside each sub-district (turf's point on surface), carrying its names. turf is fetched
 * after the outlines arrive, so it stays out of the first load.
 */
export function useSubDistrictLabelPoints(collection: GeoJSON.FeatureCollection | undefined) {
  const [points, setPoints] = useState<GeoJSON.FeatureCollection>()
  useEffect(() => {
    if (!collection) return
    let current = true
    void import('./turf-lite.ts').then(({ pointOnFeature }) => {
      if (current)
        setPoints({
          type: 'FeatureCollection',
          features: collection.features.map((f) => ({ ...pointOnFeature(f), properties: f.properties })),
        })
    })
    return () => {
      current = false
    }
  }, [collection])
  return points
}

/**
 * Map side of the public mode: facility pictograms, roads coloured by status, one label per
 * sub-district; a tap on a marker or a road opens its card (a route change); the open facility is
 * centred (its ring is SELECTION_LAYERS), the open road highlighted and fitted into view.
 */
export function usePublicMap(selectedFacility: Facility | undefined, selectedRoad: Road | undefined) {
  const map = useMap()
  const [, navigate] = useLocation()

  useEffect(() => {
    if (!map) return
    for (const { name, image, pixelRatio } of facilityIcons())
      if (!map.hasImage(name)) map.addImage(name, image, { pixelRatio })
    const before = map.getLayer(BELOW_LABELS) ? BELOW_LABELS : undefined
    for (const layer of ROAD_LAYERS) map.addLayer(layer, before)
    if (map.getLayer(TILE_SUB_DISTRICT_LABEL)) map.setLayoutProperty(TILE_SUB_DISTRICT_LABEL, 'visibility', 'none')

    // Markers sit above roads: a tap on a marker opens the facility, elsewhere on a road the road.
    const open = (e: MapMouseEvent) => {
      const layers = [FACILITY_CIRCLE_LAYER, ROAD_STATUS_LAYER].filter((id) => map.getLayer(id))
      // A finger is wider than a 3-px road line: look a few pixels around the tap.
      const { x, y } = e.point
      const hits = map.queryRenderedFeatures(
        [
          [x - 6, y - 6],
          [x + 6, y + 6],
        ],
        { layers },
      )
      const facility = hits.find((f) => f.layer.id === FACILITY_CIRCLE_LAYER)?.properties?.id
      const road = hits.find((f) => f.layer.id === ROAD_STATUS_LAYER)?.properties?.road_id
      if (typeof facility === 'string') navigate(`/facility/${encodeURIComponent(facility)}`)
      else if (typeof road === 'string') navigate(`/road/${encodeURIComponent(road)}`)
    }
    const pointer = () => (map.getCanvas().style.cursor = 'pointer')
    const plain = () => (map.getCanvas().style.cursor = '')
    map.on('click', open)
    for (const id of [FACILITY_CIRCLE_LAYER, ROAD_STATUS_LAYER]) {
      map.on('mouseenter', id, pointer)
      map.on('mouseleave', id, plain)
    }
    return () => {
      map.off('click', open)
      for (const id of [FACILITY_CIRCLE_LAYER, ROAD_STATUS_LAYER]) {
        map.off('mouseenter', id, pointer)
        map.off('mouseleave', id, plain)
      }
      if (!map.getStyle()) return
      for (const layer of ROAD_LAYERS) if (map.getLayer(layer.id)) map.removeLayer(layer.id)
      if (map.getLayer(TILE_SUB_DISTRICT_LABEL)) map.setLayoutProperty(TILE_SUB_DISTRICT_LABEL, 'visibility', 'visible')
    }
  }, [map, navigate])

  useEffect(() => {
    if (!map || !selectedFacility) return
    const target = { center: selectedFacility.position, zoom: Math.max(map.getZoom(), 14), padding: padding() }
    if (reduceMotion()) map.jumpTo(target)
    else map.easeTo({ ...target, duration: 600 })
  }, [map, selectedFacility])

  useEffect(() => {
    if (!map || !map.getLayer(ROAD_HIGHLIGHT_LAYER)) return
    map.setFilter(ROAD_HIGHLIGHT_LAYER, ['==', ['get', 'road_id'], selectedRoad?.id ?? ''])
    // Says which road the map highlights, for assistive tech users of the canvas and for browser tests.
    map.getContainer().dataset.highlightedRoad = selectedRoad?.id ?? ''
    if (!selectedRoad) return
    const [w, s, e, n] = selectedRoad.bounds
    map.fitBounds([w, s, e, n], { padding: padding(), maxZoom: 16, duration: reduceMotion() ? 0 : 600 })
  }, [map, selectedRoad])
}

/** Fits the circle around a reader found by "near me" into view, above a phone's card sheet. */
export function useNearMeView(bounds: [number, number, number, number] | undefined) {
  const map = useMap()
  useEffect(() => {
    if (!map || !bounds) return
    map.fitBounds(bounds, { padding: padding(), duration: reduceMotion() ? 0 : 600 })
  }, [map, bounds])
}

/** Runs `preload` once the map has drawn for the first time and the browser is idle (code for later taps). */
export function usePreloadWhenIdle(preload: () => void) {
  const map = useMap()
  useEffect(() => {
    if (!map) return
    const later = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(preload, { timeout: 2000 })
        : setTimeout(preload, 200)
    if (performance.getEntriesByName(FIRST_IDLE_MARK).length > 0) later()
    else map.once('idle', later)
  }, [map, preload])
}
