import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import { messageOf } from '../plan-data.ts'
import { useCardsOrderShown } from './card-patch.ts'
import type { CardedItem } from './duban-data.ts'

/** The reasons of a card in words. */
export function CardReasons({ item }: { item: CardedItem }) {
  const { t } = useTranslation()
  return (
    <>
      {(item.card?.reasons ?? [])
        .map((r) =>
          r.kind === 'late'
            ? t('duban.cards.reasonLate', { days: r.days, against: t(`duban.cards.${r.against}`) })
            : r.kind === 'order_overdue'
              ? t('duban.cards.reasonOverdue', { id: r.orderId, days: r.days })
              : t('duban.cards.reasonDueSoon', { id: r.orderId, days: r.days }),
        )
        .join('；')}
    </>
  )
}

/** A coloured card badge (also readable without colour: it says 红牌/黄牌). */
export function CardBadge({ colour }: { colour: 'red' | 'yellow' }) {
  const { t } = useTranslation()
  return <span className={`duban-card duban-card-${colour}`}>{t(`duban.cards.${colour}`)}</span>
}

/** Every carded item, red first, and the per-unit league table. */
export function CardsSection({ onSelect }: { onSelect: (item: CardedItem) => void }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const cards = useQuery(trpc.duban.cards.list.queryOptions())
  const units = useQuery(trpc.duban.units.list.queryOptions())
  // Changes patch one card in place (the workbench's badges follow without a read); the order and the
  // league shown here follow from every card, so while this is on screen the list is read again.
  useCardsOrderShown()
  if (cards.error)
    return (
      <p role="alert" className="plan-error">
        {messageOf(cards.error)}
      </p>
    )
  if (!cards.data) return <p>{t('plan.table.loading')}</p>
  const zh = i18n.language === 'zh'
  const unitName = new Map((units.data ?? []).map((u) => [u.id, zh ? u.nameZh : u.nameEn]))
  const th = cards.data.thresholds
  return (
    <>
      <h3>{t('duban.cards.title')}</h3>
      <p className="plan-note">
        {t('duban.cards.thresholds', { yellow: th.yellowDays, red: th.redDays, soon: th.dueSoonDays })}
      </p>
      {cards.data.items.length === 0 ? (
        <p>{t('duban.cards.none')}</p>
      ) : (
        <table className="plan-table" data-testid="card-table">
          <thead>
            <tr>
              <th>{t('duban.cards.colour')}</th>
              <th>{t('duban.cards.item')}</th>
              <th>{t('duban.cards.unit')}</th>
              <th className="num">{t('duban.cards.orders')}</th>
            </tr>
          </thead>
          <tbody>
            {cards.data.items.map((i) => (
              <tr key={`${i.entity}:${i.id}`} data-card={i.card?.colour} data-item-id={i.id}>
                <td>{i.card && <CardBadge colour={i.card.colour} />}</td>
                <td>
                  <button type="button" className="plan-row-link" onClick={() => onSelect(i)}>
                    {zh ? i.nameZh : i.nameEn}
                  </button>
                  <span className="plan-id">
                    {i.id} · <CardReasons item={i} />
                  </span>
                </td>
                <td>{i.leadUnit ? (unitName.get(i.leadUnit) ?? i.leadUnit) : '—'}</td>
                <td className="num">{i.openOrders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('duban.league.title')}</h3>
      <table className="plan-table" data-testid="league-table">
        <thead>
          <tr>
            <th>{t('duban.league.unit')}</th>
            <th className="num">{t('duban.league.red')}</th>
            <th className="num">{t('duban.league.yellow')}</th>
            <th className="num">{t('duban.league.overdueDays')}</th>
          </tr>
        </thead>
        <tbody>
          {cards.data.league.map((r) => (
            <tr key={r.unitId}>
              <td>{zh ? r.nameZh : r.nameEn}</td>
              <td className="num">{r.red}</td>
              <td className="num">{r.yellow}</td>
              <td className="num">{r.overdueDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
