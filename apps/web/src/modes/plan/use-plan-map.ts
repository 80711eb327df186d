import type {
  FilterSpecification,
  GeoJSONSource,
  Map as MapLibreMap,
  MapMouseEvent,
  VectorTileSource,
} from 'maplibre-gl'
import { useEffect, useRef, useState } from 'react'
import { useMap } from '../../map/map-context.ts'
import type { LonLat } from './measure.ts'
import {
  BASEMAP_GROUPS,
  FACILITY_CIRCLE,
  FACILITY_LAYERS,
  LAYER_GROUPS,
  type LayerVisibility,
  PLAN_LAYERS,
  PLAN_SOURCES,
  SEGMENT_LAYERS,
  SEGMENT_LINE,
  SOURCE_LAYER,
} from './plan-layers.ts'

/** The first basemap label layer: the workbench draws beneath it so names stay readable. */
const BELOW_LABELS = 'river-label'
/** Pixels around a click that still pick a segment: lines are thin at low zoom. */
const PICK_RADIUS = 6

const tileJsonUrl = (layer: string, query: string) =>
  `${location.origin}/tiles/${layer}.json${query ? `?${query}` : ''}`

/** Adds the workbench's sources and layers while mounted; returns the map once they exist. */
function usePlanSources(): MapLibreMap | null {
  const map = useMap()
  const [ready, setReady] = useState<MapLibreMap | null>(null)
  useEffect(() => {
    if (!map) return
    for (const [source, layer] of Object.entries(SOURCE_LAYER)) {
      // promoteId: feature-state (selection, changes, the time slider) is keyed by our segment ids.
      map.addSource(source, { type: 'vector', url: tileJsonUrl(layer, ''), promoteId: 'id' })
    }
    const before = map.getLayer(BELOW_LABELS) ? BELOW_LABELS : undefined
    for (const { layer } of PLAN_LAYERS) map.addLayer(layer, before)
    setReady(map)
    return () => {
      setReady(null)
      if (!map.getStyle()) return
      for (const { layer } of PLAN_LAYERS) if (map.getLayer(layer.id)) map.removeLayer(layer.id)
      for (const source of Object.keys(SOURCE_LAYER)) if (map.getSource(source)) map.removeSource(source)
      for (const ids of Object.values(BASEMAP_GROUPS))
        for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'visible')
    }
  }, [map])
  return ready
}

/** Sets one feature-state flag on exactly `ids` of a source, clearing it from the ids it was on before. */
function useFeatureFlag(
  map: MapLibreMap | null,
  source: string,
  key: string,
  values: ReadonlyMap<string, unknown>,
  revision: number,
) {
  const previous = useRef<string[]>([])
  useEffect(() => {
    if (!map) return
    const sourceLayer = SOURCE_LAYER[source as keyof typeof SOURCE_LAYER]
    for (const id of previous.current) if (!values.has(id)) map.removeFeatureState({ source, sourceLayer, id }, key)
    for (const [id, value] of values) map.setFeatureState({ source, sourceLayer, id }, { [key]: value })
    previous.current = [...values.keys()]
  }, [map, source, key, values, revision])
}

export type Tool = 'select' | 'measure-line' | 'measure-area' | 'split'

export interface PlanMapOptions {
  /** Tile filter parameters of the segment layer (see tileQuery). */
  tileQuery: string
  /** When part of the filter is computed by the analysis only: the ids to show; null shows all the tiles hold. */
  idFilter: readonly string[] | null
  /** Facilities the 设施 tab's filter keeps; null shows all. */
  facilityIdFilter: readonly string[] | null
  /** Bumped after every edit so the tiles are fetched again (a new layer version, a new tile URL). */
  revision: number
  visible: LayerVisibility
  selected: ReadonlyMap<string, boolean>
  selectedFacility: ReadonlyMap<string, boolean>
  changedSegments: ReadonlyMap<string, boolean>
  changedFacilities: ReadonlyMap<string, boolean>
  /** Status of each segment and facility on the time slider's date; empty when the slider is off. */
  asOf: ReadonlyMap<string, string>
  facilitiesAsOf: ReadonlyMap<string, string>
  tool: Tool
  /** A click picked a feature: facilities (drawn on top) first, then segments. */
  onPick: (entity: 'road_segment' | 'facility', id: string) => void
  onPoint: (point: LonLat) => void
}

/** Draws the workbench on the shared map and turns map clicks into picks or points for the current tool. */
export function usePlanMap(o: PlanMapOptions): MapLibreMap | null {
  const map = usePlanSources()

  useEffect(() => {
    if (!map) return
    // Setting the URL again reloads the TileJSON, whose tile URLs carry the layer's current version.
    map.getSource<VectorTileSource>(PLAN_SOURCES.segments)?.setUrl(tileJsonUrl('road_segments', o.tileQuery))
    if (o.revision > 0) map.getSource<VectorTileSource>(PLAN_SOURCES.facilities)?.setUrl(tileJsonUrl('facilities', ''))
  }, [map, o.tileQuery, o.revision])

  useEffect(() => {
    if (!map) return
    const filter: FilterSpecification | null = o.idFilter ? ['in', ['get', 'id'], ['literal', [...o.idFilter]]] : null
    for (const id of SEGMENT_LAYERS) map.setFilter(id, filter)
  }, [map, o.idFilter])

  useEffect(() => {
    if (!map) return
    const filter: FilterSpecification | null = o.facilityIdFilter
      ? ['in', ['get', 'id'], ['literal', [...o.facilityIdFilter]]]
      : null
    for (const id of FACILITY_LAYERS) map.setFilter(id, filter)
  }, [map, o.facilityIdFilter])

  useEffect(() => {
    if (!map) return
    for (const group of LAYER_GROUPS) {
      const visibility = o.visible[group] ? 'visible' : 'none'
      const ids = [
        ...PLAN_LAYERS.filter((l) => l.group === group).map((l) => l.layer.id),
        ...(BASEMAP_GROUPS[group] ?? []),
      ]
      for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility)
    }
  }, [map, o.visible])

  useFeatureFlag(map, PLAN_SOURCES.segments, 'selected', o.selected, o.revision)
  useFeatureFlag(map, PLAN_SOURCES.segments, 'changed', o.changedSegments, o.revision)
  useFeatureFlag(map, PLAN_SOURCES.facilities, 'changed', o.changedFacilities, o.revision)
  useFeatureFlag(map, PLAN_SOURCES.segments, 'asOf', o.asOf, o.revision)
  useFeatureFlag(map, PLAN_SOURCES.facilities, 'selected', o.selectedFacility, o.revision)
  useFeatureFlag(map, PLAN_SOURCES.facilities, 'asOf', o.facilitiesAsOf, o.revision)

  // The latest tool and callbacks, read by one click listener that lives as long as the layers.
  const current = useRef(o)
  current.current = o
  useEffect(() => {
    if (!map) return
    const onClick = (e: MapMouseEvent) => {
      const { tool, onPick, onPoint } = current.current
      if (tool !== 'select') return onPoint([e.lngLat.lng, e.lngLat.lat])
      const { x, y } = e.point
      const box: [[number, number], [number, number]] = [
        [x - PICK_RADIUS, y - PICK_RADIUS],
        [x + PICK_RADIUS, y + PICK_RADIUS],
      ]
      const layers = [FACILITY_CIRCLE, SEGMENT_LINE].filter((l) => map.getLayoutProperty(l, 'visibility') !== 'none')
      const hit = map.queryRenderedFeatures(box, { layers })[0]
      const id = hit?.properties?.id
      if (typeof id === 'string') onPick(hit?.layer.id === FACILITY_CIRCLE ? 'facility' : 'road_segment', id)
    }
    map.on('click', onClick)
    return () => {
      map.off('click', onClick)
    }
  }, [map])

  useEffect(() => {
    if (!map) return
    map.getCanvas().style.cursor = o.tool === 'select' ? '' : 'crosshair'
    return () => {
      map.getCanvas().style.cursor = ''
    }
  }, [map, o.tool])

  return map
}

/** Shows the measuring points and the path or polygon through them. */
export function useMeasureDrawing(map: MapLibreMap | null, points: readonly LonLat[], closed: boolean) {
  useEffect(() => {
    if (!map) return
    map.addSource('plan-measure', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
    map.addLayer({
      id: 'plan-measure-fill',
      type: 'fill',
      source: 'plan-measure',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#0f766e', 'fill-opacity': 0.15 },
    })
    map.addLayer({
      id: 'plan-measure-line',
      type: 'line',
      source: 'plan-measure',
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': '#0f766e', 'line-width': 2, 'line-dasharray': [2, 1] },
    })
    map.addLayer({
      id: 'plan-measure-point',
      type: 'circle',
      source: 'plan-measure',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 4,
        'circle-color': '#ffffff',
        'circle-stroke-color': '#0f766e',
        'circle-stroke-width': 2,
      },
    })
    return () => {
      if (!map.getStyle()) return
      for (const id of ['plan-measure-point', 'plan-measure-line', 'plan-measure-fill'])
        if (map.getLayer(id)) map.removeLayer(id)
      if (map.getSource('plan-measure')) map.removeSource('plan-measure')
    }
  }, [map])

  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>('plan-measure')
    if (!source) return
    const features: GeoJSON.Feature[] = points.map((p) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: p },
    }))
    if (points.length >= 2) {
      const geometry: GeoJSON.Geometry =
        closed && points.length >= 3
          ? { type: 'Polygon', coordinates: [[...points, points[0] as LonLat]] }
          : { type: 'LineString', coordinates: [...points] }
      features.push({ type: 'Feature', properties: {}, geometry })
    }
    source.setData({ type: 'FeatureCollection', features })
  }, [map, points, closed])
}

/** Marks the chosen split point on the map until the split is confirmed or cancelled. */
export function useSplitMarker(map: MapLibreMap | null, point: LonLat | null) {
  useEffect(() => {
    if (!map || !point) return
    map.addSource('plan-split', {
      type: 'geojson',
      data: { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } },
    })
    map.addLayer({
      id: 'plan-split-point',
      type: 'circle',
      source: 'plan-split',
      paint: {
        'circle-radius': 7,
        'circle-color': '#ffffff',
        'circle-stroke-color': '#b91c1c',
        'circle-stroke-width': 3,
      },
    })
    return () => {
      if (!map.getStyle()) return
      if (map.getLayer('plan-split-point')) map.removeLayer('plan-split-point')
      if (map.getSource('plan-split')) map.removeSource('plan-split')
    }
  }, [map, point])
}
