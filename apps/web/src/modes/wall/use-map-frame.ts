import { type RefObject, useLayoutEffect } from 'react'
import { setDeckPixelRatio } from '../../map/deck-overlay.ts'
import { useMap } from '../../map/map-context.ts'
import { STAGE_HEIGHT, STAGE_WIDTH } from './use-stage-scale.ts'

/**
 * Puts the shared map exactly inside the stage's map window and scales it with the stage. The map is
 * laid out at the window's size in 1080p stage units and enlarged by the same CSS transform as the
 * stage, drawing `scale` times more pixels: at 4K its labels, lines, symbols and deck.gl layers are
 * twice as large and as sharp as the panels, the camera frames the same view, and nothing of the map
 * shows outside the window (behind the translucent panels). Undone when the wall unmounts.
 */
export function useMapFrame(windowRef: RefObject<HTMLElement | null>, scale: number) {
  const map = useMap()
  useLayoutEffect(() => {
    const win = windowRef.current
    const region = map?.getContainer().parentElement
    if (!map || !win || !region) return
    const left = (innerWidth - STAGE_WIDTH * scale) / 2 + (win.offsetLeft + win.clientLeft) * scale
    const top = (innerHeight - STAGE_HEIGHT * scale) / 2 + (win.offsetTop + win.clientTop) * scale
    const frame = {
      left: `${left}px`,
      top: `${top}px`,
      width: `${win.clientWidth}px`,
      height: `${win.clientHeight}px`,
      transform: `scale(${scale})`,
    }
    for (const [key, value] of Object.entries(frame)) region.style.setProperty(`--wall-map-${key}`, value)
    const ratio = (devicePixelRatio || 1) * scale
    map.setPixelRatio(ratio)
    void setDeckPixelRatio(map, ratio)
    map.resize()
    return () => {
      for (const key of Object.keys(frame)) region.style.removeProperty(`--wall-map-${key}`)
      map.setPixelRatio(devicePixelRatio || 1)
      void setDeckPixelRatio(map, null)
      map.resize()
    }
  }, [map, scale, windowRef])
}
