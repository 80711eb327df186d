import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl'
import type { Language } from '../i18n/setup.ts'
import type { OnlineBasemap } from './online-basemaps.ts'

/** Our layers that make the default basemap; each is a vector-tile source served by our own server. */
export const BASEMAP_LAYERS = ['zone_boundary', 'sub_districts', 'water_bodies', 'rivers', 'road_segments'] as const

// The wall's scenes read the zone's extent from here; its one definition is @onemap/domain/zone.
export { ZONE_BOUNDS } from '@onemap/domain/zone'

/** Colours chosen for ≥ 3:1 contrast of map features against the light background (WCAG 1.4.11). */
export const BASEMAP_COLOURS = {
  background: '#f3f1ec',
  zoneFill: '#ffffff',
  zoneLine: '#5f5a52',
  subDistrictLine: '#8c857b',
  water: '#9cc9ea',
  river: '#2f7fc1',
  road: '#9a9388',
  roadCasing: '#ffffff',
  label: '#2b2925',
  labelHalo: '#ffffff',
} as const

/** Label layers carry this metadata so a language switch can re-point their text to name_zh / name_en. */
export const LABEL_METADATA = { 'onemap:label': true }

/** The text expression for a language: the feature's name in it, falling back to Chinese. */
export function labelText(language: Language): ['coalesce', ['get', string], ['get', string]] {
  return language === 'zh'
    ? ['coalesce', ['get', 'name_zh'], ['get', 'name_en']]
    : ['coalesce', ['get', 'name_en'], ['get', 'name_zh']]
}

/**
 * The default style: our own layers only, no token, no request beyond `origin`. It has no `glyphs`
 * URL, so MapLibre draws every label with the browser's local fonts (TinySDF) — Chinese included.
 */
export function basemapStyle(origin: string, language: Language, online?: OnlineBasemap): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {}
  for (const layer of BASEMAP_LAYERS) sources[layer] = { type: 'vector', url: `${origin}/tiles/${layer}.json` }
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.background } },
  ]
  if (online) {
    sources.online = online.source
    layers.push({ id: 'online-basemap', type: 'raster', source: 'online' })
  }
  const c = BASEMAP_COLOURS
  layers.push(
    {
      id: 'zone-fill',
      type: 'fill',
      source: 'zone_boundary',
      'source-layer': 'zone_boundary',
      paint: { 'fill-color': c.zoneFill, 'fill-opacity': online ? 0 : 0.85 },
    },
    {
      id: 'water-fill',
      type: 'fill',
      source: 'water_bodies',
      'source-layer': 'water_bodies',
      paint: { 'fill-color': c.water },
    },
    {
      id: 'sub-district-line',
      type: 'line',
      source: 'sub_districts',
      'source-layer': 'sub_districts',
      paint: { 'line-color': c.subDistrictLine, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    {
      id: 'river-line',
      type: 'line',
      source: 'rivers',
      'source-layer': 'rivers',
      paint: { 'line-color': c.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.5, 16, 5] },
    },
    {
      id: 'road-casing',
      type: 'line',
      source: 'road_segments',
      'source-layer': 'road_segments',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': c.roadCasing, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 16, 12] },
    },
    {
      id: 'road-line',
      type: 'line',
      source: 'road_segments',
      'source-layer': 'road_segments',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': c.road, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1, 16, 8] },
    },
    {
      id: 'zone-line',
      type: 'line',
      source: 'zone_boundary',
      'source-layer': 'zone_boundary',
      paint: { 'line-color': c.zoneLine, 'line-width': 2 },
    },
  )
  const text = labelText(language)
  const halo = { 'text-color': c.label, 'text-halo-color': c.labelHalo, 'text-halo-width': 1.5 }
  layers.push(
    {
      id: 'river-label',
      type: 'symbol',
      source: 'rivers',
      'source-layer': 'rivers',
      metadata: LABEL_METADATA,
      layout: { 'symbol-placement': 'line', 'text-field': text, 'text-size': 12 },
      paint: { ...halo, 'text-color': '#1d5c8f' },
    },
    {
      id: 'road-label',
      type: 'symbol',
      source: 'road_segments',
      'source-layer': 'road_segments',
      minzoom: 13,
      metadata: LABEL_METADATA,
      layout: { 'symbol-placement': 'line', 'text-field': text, 'text-size': 11 },
      paint: halo,
    },
    {
      id: 'sub-district-label',
      type: 'symbol',
      source: 'sub_districts',
      'source-layer': 'sub_districts',
      maxzoom: 14,
      metadata: LABEL_METADATA,
      layout: { 'text-field': text, 'text-size': 13 },
      paint: halo,
    },
  )
  return { version: 8, name: 'OneMap default', sources, layers }
}
