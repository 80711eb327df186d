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
  const line: TickerRow = {
    id: change.id,
    entity: change.entity,
    entityId: change.entityId,
    nameZh: change.nameZh,
    nameEn: change.nameEn,
    from: change.from,
    to: change.to,
    happenedOn: change.happenedOn,
    recordedAt: change.recordedAt,
    kind: change.kind,
  }
  return [...rows, line].sort(tickerOrder).slice(0, limit)
}

/** The summary with the totals and the item's two place rows replaced by the server's figures after its change. */
export function patchSummary(summary: Summary, figures: ItemFigures['summary']): Summary {
  const { subDistrict, renewalUnit, ...totals } = figures
  return {
    ...totals,
    bySubDistrict: summary.bySubDistrict.map((s) => (subDistrict && s.code === subDistrict.code ? subDistrict : s)),
    byRenewalUnit: summary.byRenewalUnit.map((u) => (renewalUnit && u.id === renewalUnit.id ? renewalUnit : u)),
  }
}

/**
 * The alarm list with one item's alarm moved to where the server now ranks it (or removed), and the
 * counts replaced; the first `limit` kept. Null when the list cannot be patched exactly: a row beyond the
 * list it holds must move up into it, or the item ranks past rows it does not hold. The caller then reads it whole.
 */
export function patchAlarms(
  alarms: Alarms,
  item: Pick<ChangeEvent, 'entity' | 'entityId'>,
  figures: ItemFigures['alarms'],
  limit: number,
): Alarms | null {
  const { item: alarm, position, ...counts } = figures
  const rest = alarms.items.filter((a) => !(a.entity === item.entity && a.id === item.entityId))
  if (alarm && position !== null) {
    if (position > rest.length && rest.length < limit) return null
    if (position <= rest.length) rest.splice(position, 0, alarm)
  }
  const items = rest.slice(0, limit)
  if (items.length < Math.min(limit, counts.total)) return null
  return { ...counts, items }
}
