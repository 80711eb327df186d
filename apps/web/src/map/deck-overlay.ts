import type { Layer } from '@deck.gl/core'
import type { MapboxOverlay } from '@deck.gl/mapbox'
import type { Map as MapLibreMap } from 'maplibre-gl'

/**
 * deck.gl joins the map through one MapboxOverlay per map, created on first use and kept for the
 * map's lifetime. It is imported dynamically so pages that draw nothing with deck.gl never load it.
 */
interface OverlayEntry {
  overlay: Promise<MapboxOverlay>
  // Layers by owner (a mode or a component), merged into one list in a stable owner order.
  layers: Map<string, Layer[]>
}

const overlays = new WeakMap<MapLibreMap, OverlayEntry>()

function entryFor(map: MapLibreMap): OverlayEntry {
  let entry = overlays.get(map)
  if (!entry) {
    const overlay = import('@deck.gl/mapbox').then(({ MapboxOverlay }) => {
      // Overlaid, not interleaved: deck 9.4's interleaved path reads `map.transform`, which MapLibre 6
      // no longer exposes (it throws on every frame). Overlaid uses only the public camera API, at the
      // price of a second WebGL canvas stacked on the map's.
      const created = new MapboxOverlay({ interleaved: false, layers: [] })
      map.addControl(created)
      return created
    })
    entry = { overlay, layers: new Map() }
    overlays.set(map, entry)
  }
  return entry
}

/** Replaces the deck.gl layers that `owner` contributes; an empty list removes them. */
export async function setDeckLayers(map: MapLibreMap, owner: string, layers: Layer[]): Promise<void> {
  // Clearing layers on a map that never drew any must not load deck.gl just to draw nothing.
  if (!layers.length && !overlays.has(map)) return
  const entry = entryFor(map)
  if (layers.length) entry.layers.set(owner, layers)
  else entry.layers.delete(owner)
  const overlay = await entry.overlay
  overlay.setProps({ layers: [...entry.layers.values()].flat() })
}
