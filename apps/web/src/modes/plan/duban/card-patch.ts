import type { AppRouter } from '@onemap/api/root'
import { cardOf } from '@onemap/domain/cards'
import { type ChangeEvent, segmentState } from '@onemap/domain/change-event'
import { itemFacts } from '@onemap/domain/item-facts'
import type { inferRouterOutputs } from '@trpc/server'
import { useEffect } from 'react'

type CardsList = inferRouterOutputs<AppRouter>['duban']['cards']['list']

/**
 * The cards read with one segment's card judged again after its change: the lateness from the segment's
 * new state (the event's item), the orders' part kept from the read (a status change does not move it).
 * The row badge and the map's halo read this list, so both follow the change without reading the list
 * again. The list's order and the unit league follow from every card, so while the 督办 tab shows them
 * (useCardsOrderShown) the list is read again after a patch. Unchanged for a facility, an event
 * without state, or an item outside the programme.
 */
export function withChangedCard(cards: CardsList, event: ChangeEvent, deadline: string): CardsList {
  if (event.entity !== 'road_segment' || !event.item) return cards
  const at = cards.items.findIndex((i) => i.entity === 'road_segment' && i.id === event.entityId)
  if (at < 0) return cards
  const state = segmentState(event.item)
  const facts = itemFacts({ entity: 'road_segment', ...state }, cards.today, deadline)
  const item = cards.items[at]!
  const card = cardOf(
    { baseline: facts.lateness, revised: facts.latenessRevised },
    (item.card?.reasons ?? []).filter((r) => r.kind !== 'late'),
    cards.thresholds,
  )
  return { ...cards, items: cards.items.map((x, i) => (i === at ? { ...item, status: state.status, card } : x)) }
}

// Mounted views that show the cards list's order and the unit league (the 督办 tab's cards section).
let orderViews = 0

/** Marks the calling component as showing the list's order and league while it is mounted. */
export function useCardsOrderShown(): void {
  useEffect(() => {
    orderViews += 1
    return () => {
      orderViews -= 1
    }
  }, [])
}

/** True while some view shows the order and league, which a patch of one card cannot keep true. */
export function cardsOrderShown(): boolean {
  return orderViews > 0
}
