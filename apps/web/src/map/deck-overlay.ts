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

// Drawing-buffer pixels per CSS pixel of each map's deck.gl canvas, when a mode scales the map (the wall).
const pixelRatios = new WeakMap<MapLibreMap, number>()

const overlays = new WeakMap<MapLibreMap, OverlayEntry>()

function createOverlay(map: MapLibreMap): Promise<MapboxOverlay> {
  return import('@deck.gl/mapbox').then(({ MapboxOverlay }) => {
    // Overlaid, not interleaved: deck 9.4's interleaved path reads `map.transform`, which MapLibre 6
    // no longer exposes (it throws on every frame). Overlaid uses only the public camera API, at the
    // price of a second WebGL canvas stacked on the map's.
    const ratio = pixelRatios.get(map)
    const created = new MapboxOverlay({ interleaved: false, layers: [], ...(ratio ? { useDevicePixels: ratio } : {}) })
    map.addControl(created)
    return created
  })
}

/**
 * Resolves once the map has drawn a frame with its style: the GPU takes work again, and a new overlay
 * reads the map's projection on creation. When the map lost its context too (a GPU reset loses every
 * one), MapLibre draws again only after restoring it and its style; when only deck.gl's was lost, the
 * frame asked for here comes at once.
 */
function mapDrawing(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    const drew = () => {
      if (!map.getStyle()) return
      map.off('render', drew)
      resolve()
    }
    map.on('render', drew)
    map.triggerRepaint()
  })
}

function entryFor(map: MapLibreMap): OverlayEntry {
  let entry = overlays.get(map)
  if (!entry) {
    const created: OverlayEntry = { overlay: createOverlay(map), layers: new Map() }
    entry = created
    overlays.set(map, entry)
    // MapLibre restores its own lost WebGL context; deck.gl's canvas is not restored (the wall runs
    // for days and must survive a GPU reset), so a lost deck context is replaced by a new overlay.
    // Context events do not bubble, hence the capturing listener on the map's container.
    map.getContainer().addEventListener(
      'webglcontextlost',
      (event) => {
        if (event.target === map.getCanvas()) return
        const lost = created.overlay
        created.overlay = mapDrawing(map)
          .then(() => lost)
          .then((overlay) => {
            try {
              map.removeControl(overlay)
            } catch (err) {
              console.warn('[onemap] removing the lost deck.gl overlay failed', err)
            }
            return createOverlay(map)
          })
        void created.overlay.then((overlay) => overlay.setProps({ layers: [...created.layers.values()].flat() }))
      },
      true,
    )
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

/**
 * Draws deck.gl at `ratio` buffer pixels per CSS pixel (null: the device's ratio). The wall lays the map
 * out in 1080p units and scales it with a CSS transform, so at 4K it asks for twice the pixels to stay sharp.
 */
export async function setDeckPixelRatio(map: MapLibreMap, ratio: number | null): Promise<void> {
  if (ratio === null) pixelRatios.delete(map)
  else pixelRatios.set(map, ratio)
  const entry = overlays.get(map)
  if (entry) (await entry.overlay).setProps({ useDevicePixels: ratio ?? true })
}
