import { useQuery } from '@tanstack/react-query'
import { useTRPC } from '../../../api/trpc.ts'
import { CardBadge } from './CardsSection.tsx'

/** The card badge of one table row (nothing without a card); every row shares the one cards query. */
export function RowCard({ entity, id }: { entity: 'road_segment' | 'facility'; id: string }) {
  const trpc = useTRPC()
  const colour = useQuery({
    ...trpc.duban.cards.list.queryOptions(),
    select: (d) => d.items.find((i) => i.entity === entity && i.id === id)?.card?.colour ?? null,
  }).data
  return colour ? <CardBadge colour={colour} /> : null
}
