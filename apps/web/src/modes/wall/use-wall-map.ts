import type { Map as MapLibreMap } from 'maplibre-gl'
import { useEffect, useRef } from 'react'
import { setDeckLayers } from '../../map/deck-overlay.ts'
import { useMap } from '../../map/map-context.ts'
import { ZONE_BOUNDS } from '../../map/basemap-style.ts'
import { applyDarkBasemap } from './dark-basemap.ts'
import { intersect } from './scene-geometry.ts'
import type { SceneView, WallSceneDefinition } from './scenes/scene-types.ts'
import { StallDetector } from './watchdog.ts'

const DECK_OWNER = 'wall'
/**
 * Performance mark set once the wall's map has its style and every visible tile. The wall animates
 * without pause, so MapLibre's 'idle' (which the shell's first-idle mark waits for) never comes.
 */
export const WALL_MAP_READY_MARK = 'onemap:wall-map-ready'
// Software-rendered walls (and 4K panels) cannot draw 60 frames a second; 25 look smooth enough.
const FRAME_MS = 40
const WATCHDOG_CHECK_MS = 5_000

// Room around a scene's subject inside the map window, in 1080p stage units.
const FRAME_PADDING = 48

/**
 * Drives the shared map for the wall: a dark basemap, a camera flight to each scene, the scene's
 * deck.gl emphasis animated frame by frame, recovery from a lost WebGL context and a watchdog
 * that reloads the page when drawing stops. Everything is undone when the wall unmounts.
 */
export function useWallMap(opts: {
  scene: WallSceneDefinition<never>
  view: SceneView | undefined
  flightMs: number
  stallReloadMs: number
}) {
  const map = useMap()
  const state = useRef(opts)
  state.current = opts

  // Palette, animation loop, watchdog and context-loss handling live as long as the wall does.
  useEffect(() => {
    if (!map) return
    const restorePalette = applyDarkBasemap(map)
    const detector = new StallDetector(state.current.stallReloadMs, performance.now())
    let frame = 0
    let last = 0
    let contextLost = false
    let ready = performance.getEntriesByName(WALL_MAP_READY_MARK).length > 0
    const tick = (now: number) => {
      frame = requestAnimationFrame(tick)
      detector.frame(now)
      if (contextLost || now - last < FRAME_MS) return
      last = now
      if (!ready && map.isStyleLoaded() && map.areTilesLoaded()) {
        ready = true
        performance.mark(WALL_MAP_READY_MARK)
      }
      const { scene, view } = state.current
      void setDeckLayers(map, DECK_OWNER, view ? scene.layers(view.prepared as never, now) : [])
      // Draw even when the scene has nothing to animate, so the render heartbeat means "can draw".
      map.triggerRepaint()
    }
    frame = requestAnimationFrame(tick)
    const onRender = () => detector.render(performance.now())
    const onLost = () => {
      contextLost = true
    }
    const onRestored = () => {
      contextLost = false
      // MapLibre rebuilds its style from a snapshot; refly so the scene is framed again.
      fly(map, state.current, 0)
    }
    // A signal for tests and screenshots: the camera has arrived (the wall never goes idle, it animates).
    const container = map.getContainer()
    const onMoveStart = () => (container.dataset.camera = 'moving')
    const onMoveEnd = () => (container.dataset.camera = 'still')
    map.on('movestart', onMoveStart)
    map.on('moveend', onMoveEnd)
    map.on('render', onRender)
    map.on('webglcontextlost', onLost)
    map.on('webglcontextrestored', onRestored)
    const watchdog = setInterval(() => {
      if (detector.stalled(performance.now(), document.visibilityState === 'visible')) {
        console.warn('[wall] drawing stalled; reloading the page')
        location.reload()
      }
    }, WATCHDOG_CHECK_MS)
    return () => {
      cancelAnimationFrame(frame)
      clearInterval(watchdog)
      map.off('movestart', onMoveStart)
      map.off('moveend', onMoveEnd)
      delete container.dataset.camera
      map.off('render', onRender)
      map.off('webglcontextlost', onLost)
      map.off('webglcontextrestored', onRestored)
      void setDeckLayers(map, DECK_OWNER, [])
      restorePalette()
      map.jumpTo({ pitch: 0, bearing: 0 })
    }
  }, [map])

  // A new scene (or its first data) flies the camera there.
  const bounds = opts.view?.bounds
  useEffect(() => {
    if (map) fly(map, state.current, state.current.flightMs)
  }, [map, opts.scene, bounds?.join(',')])

  // The scene's own labels replace some basemap labels (the rivers scene names rivers with their chiefs).
  useEffect(() => {
    const hidden = (opts.scene.hideBasemapLayers ?? []).filter((id) => map?.getLayer(id))
    for (const id of hidden) map?.setLayoutProperty(id, 'visibility', 'none')
    return () => {
      if (map?.getStyle())
        for (const id of hidden) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'visible')
    }
  }, [map, opts.scene])
}

function fly(
  map: MapLibreMap,
  opts: { scene: WallSceneDefinition<never>; view: SceneView | undefined },
  duration: number,
) {
  const bounds = intersect(opts.view?.bounds ?? ZONE_BOUNDS, ZONE_BOUNDS)
  const { pitch, bearing } = opts.scene.camera
  const camera = map.cameraForBounds(bounds, { padding: FRAME_PADDING, bearing })
  if (!camera) return
  // Tilting shows more ground towards the horizon, so the flat fit is eased out a little.
  const zoom = (camera.zoom ?? map.getZoom()) - 0.15
  map.flyTo({ ...camera, zoom, pitch, bearing, duration, essential: true })
}
