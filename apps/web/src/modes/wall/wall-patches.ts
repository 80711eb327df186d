import { type ChangeEvent, isTickerNews, tickerOrder } from '@onemap/domain/change-event'
import type { AppRouter } from '@onemap/api/root'
import type { inferRouterOutputs } from '@trpc/server'
import type { Alarms, Summary, TickerRow } from './wall-figures.ts'

/** What `wall.itemFigures` answers for a known item: the figures one item's change moves. */
export type ItemFigures = NonNullable<inferRouterOutputs<AppRouter>['wall']['itemFigures']>

/**
 * The ticker with a live change's line added, when the change is ticker news (isTickerNews: the rule of
 * the `wall.ticker` query): in the ticker's order, at most `limit` lines, so it reads as the next poll will.
 */
export function withTickerLine(rows: TickerRow[], change: ChangeEvent, limit: number): TickerRow[] {
  if (!isTickerNews(change) || rows.some((r) => r.id === change.id)) return rows
  // The event is a ticker row plus the layer it touched (and, for a workbench, the item's state).
  const { layer: _layer, layerVersion: _version, item: _item, ...line } = change
  return [...rows, line satisfies TickerRow].sort(tickerOrder).slice(0, limit)
}

/**
 * The summary with what the server says one item's change moved: the time stamps, the goal of the item's
 * kind, and that goal in the item's sub-district and renewal unit (the other kind's figures are null
 * in the answer and kept).
 */
export function patchSummary(summary: Summary, figures: ItemFigures['summary']): Summary {
  const { subDistrict, renewalUnit, roads, facilities, ...stamps } = figures
  type Place = Summary['bySubDistrict'][number]
  const goals =
    (fresh: { roads: Place['roads'] | null; facilities: Place['facilities'] | null }) =>
    <P extends Place | Summary['byRenewalUnit'][number]>(place: P): P => ({
      ...place,
      roads: fresh.roads ?? place.roads,
      facilities: fresh.facilities ?? place.facilities,
    })
  return {
    ...summary,
    ...stamps,
    roads: roads ?? summary.roads,
    facilities: facilities ?? summary.facilities,
    bySubDistrict: summary.bySubDistrict.map((s) =>
      subDistrict && s.code === subDistrict.code ? goals(subDistrict)(s) : s,
    ),
    byRenewalUnit: summary.byRenewalUnit.map((u) =>
      renewalUnit && u.id === renewalUnit.id ? goals(renewalUnit)(u) : u,
    ),
  }
}

/**
 * The alarm list with one item's alarm moved to where the server now ranks it (or removed), and the
 * counts replaced. The list held is the first rows of the server's (at most `held`); an alarm ranked past
 * them stays out. Null when fewer than `shown` rows (or all there are) would be left: a row the list does
 * not hold must move up into view, and the caller reads the list whole.
 */
export function patchAlarms(
  alarms: Alarms,
  item: Pick<ChangeEvent, 'entity' | 'entityId'>,
  figures: ItemFigures['alarms'],
  held: number,
  shown: number,
): Alarms | null {
  const { item: alarm, position, ...counts } = figures
  const rest = alarms.items.filter((a) => !(a.entity === item.entity && a.id === item.entityId))
  if (alarm && position !== null && position <= rest.length) rest.splice(position, 0, alarm)
  const items = rest.slice(0, held)
  if (items.length < Math.min(shown, counts.total)) return null
  return { ...counts, items }
}
