import { useQuery } from '@tanstack/react-query'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { useEffect, useRef } from 'react'
import { useTRPC } from '../../../api/trpc.ts'
import { PLAN_SOURCES, SOURCE_LAYER } from '../plan-layers.ts'

const SOURCE_OF = { road_segment: PLAN_SOURCES.segments, facility: PLAN_SOURCES.facilities } as const

/**
 * Outlines carded items on the workbench map: sets feature-state 'card' ('red' | 'yellow') on exactly the
 * carded segments and facilities (the plan-segment-card / plan-facility-card layers draw it), clearing
 * items that lost their card. Office accounts only (the cards query is theirs).
 */
export function useCardOutlines(map: MapLibreMap | null, enabled: boolean): void {
  const trpc = useTRPC()
  const cards = useQuery({ ...trpc.duban.cards.list.queryOptions(), enabled })
  const shown = useRef<{ source: string; id: string }[]>([])
  useEffect(() => {
    if (!map || !cards.data) return
    const target = (source: string, id: string) => ({
      source,
      sourceLayer: SOURCE_LAYER[source as keyof typeof SOURCE_LAYER],
      id,
    })
    for (const s of shown.current) if (map.getSource(s.source)) map.removeFeatureState(target(s.source, s.id), 'card')
    shown.current = []
    for (const item of cards.data.items) {
      if (!item.card) continue
      const source = SOURCE_OF[item.entity]
      if (!map.getSource(source)) continue
      map.setFeatureState(target(source, item.id), { card: item.card.colour })
      shown.current.push({ source, id: item.id })
    }
  }, [map, cards.data])
}
