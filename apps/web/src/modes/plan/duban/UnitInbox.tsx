import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import { messageOf } from '../plan-data.ts'
import { useDubanLive } from './duban-data.ts'
import { OrderList, OrderView } from './OrderView.tsx'
import './duban.css'

/** What a unit account sees at /plan: its own unit's orders, newest first, and the one it opened. */
export function UnitInbox() {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const orders = useQuery(trpc.duban.orders.list.queryOptions())
  const [openId, setOpenId] = useState<number | null>(null)
  useDubanLive()
  if (orders.error)
    return (
      <p role="alert" className="plan-error">
        {messageOf(orders.error)}
      </p>
    )
  const rows = orders.data ?? []
  const unitName = rows[0] ? (i18n.language === 'zh' ? rows[0].unitNameZh : rows[0].unitNameEn) : ''
  return (
    <section className="duban-inbox" data-testid="unit-inbox" aria-labelledby="duban-inbox-title">
      <h2 id="duban-inbox-title">{t('duban.inbox.title')}</h2>
      {unitName && <p>{t('duban.inbox.intro', { unit: unitName })}</p>}
      {orders.isPending && <p>{t('plan.table.loading')}</p>}
      {!orders.isPending && rows.length === 0 && <p>{t('duban.inbox.empty')}</p>}
      {openId !== null && <OrderView id={openId} side="unit" />}
      <OrderList orders={rows} openId={openId} onOpen={setOpenId} />
    </section>
  )
}
