import type { Map as MapLibreMap } from 'maplibre-gl'

type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1]
type PaintValue = Parameters<MapLibreMap['setPaintProperty']>[2]

/**
 * The wall's night palette for the shared basemap (layer ids from src/map/basemap-style.ts). A
 * control room is dark; a white map would glare and drown the emphasised layers.
 */
const DARK: [layer: string, property: PaintProperty, value: PaintValue][] = [
  ['background', 'background-color', '#07111d'],
  ['zone-fill', 'fill-color', '#0d1f33'],
  ['water-fill', 'fill-color', '#123a5c'],
  ['sub-district-line', 'line-color', '#4a6482'],
  ['river-line', 'line-color', '#1f6fb0'],
  ['road-casing', 'line-color', '#07111d'],
  ['road-line', 'line-color', '#2e4560'],
  ['zone-line', 'line-color', '#4fb3ff'],
  ['river-label', 'text-color', '#8cc8f2'],
  ['river-label', 'text-halo-color', '#07111d'],
  ['road-label', 'text-color', '#9fb3c8'],
  ['road-label', 'text-halo-color', '#07111d'],
  ['sub-district-label', 'text-color', '#d6e2ee'],
  ['sub-district-label', 'text-halo-color', '#07111d'],
]

/** Paints the basemap dark and returns a function that puts every changed property back. */
export function applyDarkBasemap(map: MapLibreMap): () => void {
  const saved: [string, PaintProperty, PaintValue][] = []
  for (const [layer, property, value] of DARK) {
    if (!map.getLayer(layer)) continue
    saved.push([layer, property, map.getPaintProperty(layer, property) as PaintValue])
    map.setPaintProperty(layer, property, value)
  }
  return () => {
    if (!map.getStyle()) return
    for (const [layer, property, value] of saved) if (map.getLayer(layer)) map.setPaintProperty(layer, property, value)
  }
}
