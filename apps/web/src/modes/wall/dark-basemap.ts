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

/**
 * Map label sizes on the wall, in 1080p stage units (the map scales with the stage): read from 5 m on a
 * 98" panel, nothing a viewer must read is under 20 px. Road names would crowd the zone-wide view at
 * that size, so the wall leaves them out; the scenes say what the roads are.
 */
export const WALL_LABEL_SIZES: Record<string, number> = { 'sub-district-label': 24, 'river-label': 20 }
const HIDDEN = ['road-label']
type LayoutProperty = Parameters<MapLibreMap['setLayoutProperty']>[1]
type LayoutValue = Parameters<MapLibreMap['setLayoutProperty']>[2]

/** Paints the basemap dark, sizes its labels for the wall, and returns a function that puts every change back. */
export function applyDarkBasemap(map: MapLibreMap): () => void {
  const saved: (() => void)[] = []
  for (const [layer, property, value] of DARK) {
    if (!map.getLayer(layer)) continue
    const old = map.getPaintProperty(layer, property) as PaintValue
    saved.push(() => map.getLayer(layer) && map.setPaintProperty(layer, property, old))
    map.setPaintProperty(layer, property, value)
  }
  const layout = (layer: string, property: LayoutProperty, value: LayoutValue) => {
    if (!map.getLayer(layer)) return
    const old = map.getLayoutProperty(layer, property) as LayoutValue
    saved.push(() => map.getLayer(layer) && map.setLayoutProperty(layer, property, old))
    map.setLayoutProperty(layer, property, value)
  }
  for (const [layer, size] of Object.entries(WALL_LABEL_SIZES)) layout(layer, 'text-size', size)
  for (const layer of HIDDEN) layout(layer, 'visibility', 'none')
  return () => {
    if (!map.getStyle()) return
    for (const restore of saved.reverse()) restore()
  }
}
