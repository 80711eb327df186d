import { useEffect, useRef } from 'react'
import { useMap } from '../../map/map-context.ts'
import type { MapLabel } from './scenes/scene-types.ts'

interface Box {
  x: number
  y: number
  w: number
  h: number
}
const GAP = 4
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP

/** Moves a label down below any label already placed that it would cover (a few places sit close together). */
function settle(box: Box, placed: readonly Box[]): Box {
  const out = { ...box }
  for (let tries = 0; tries < placed.length; tries++) {
    const hit = placed.find((other) => overlaps(out, other))
    if (!hit) break
    out.y = hit.y + hit.h + GAP
  }
  return out
}

/**
 * The scene's place labels (renewal units with their progress, rivers with their chiefs), drawn as
 * text in the stage over the map window and moved with the camera. As stage text they scale with
 * the stage and meet the same minimum size as every panel. Positions are written straight to the
 * elements on each camera move, without re-rendering.
 */
export function MapLabels({ labels }: { labels: MapLabel[] }) {
  const map = useMap()
  const list = useRef<HTMLUListElement>(null)
  useEffect(() => {
    if (!map) return
    const place = () => {
      const items = list.current?.children
      if (!items) return
      const { clientWidth: width, clientHeight: height } = map.getContainer()
      const placed: Box[] = []
      labels.forEach((label, i) => {
        const el = items[i] as HTMLElement | undefined
        if (!el) return
        const p = map.project(label.position)
        const box = settle(
          { x: p.x - el.offsetWidth / 2, y: p.y - el.offsetHeight / 2, w: el.offsetWidth, h: el.offsetHeight },
          placed,
        )
        placed.push(box)
        const inside = p.x > 0 && p.y > 0 && p.x < width && p.y < height
        el.style.transform = `translate(${box.x.toFixed(1)}px, ${box.y.toFixed(1)}px)`
        el.style.visibility = inside ? 'visible' : 'hidden'
      })
    }
    place()
    map.on('move', place)
    map.on('resize', place)
    return () => {
      map.off('move', place)
      map.off('resize', place)
    }
  }, [map, labels])
  return (
    <ul className="wall-map-labels" ref={list} data-testid="map-labels">
      {labels.map((l) => (
        <li key={l.id} data-label={l.id}>
          <b>{l.title}</b>
          {l.detail && <span>{l.detail}</span>}
        </li>
      ))}
    </ul>
  )
}
