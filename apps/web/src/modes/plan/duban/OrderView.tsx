import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import { messageOf } from '../plan-data.ts'
import { AttachmentList } from './AttachmentList.tsx'
import { fileToBase64, type OrderRow } from './duban-data.ts'

/** One order's header line: number, state, due date, unit and items. */
export function OrderSummary({ order }: { order: OrderRow }) {
  const { t, i18n } = useTranslation()
  const zh = i18n.language === 'zh'
  return (
    <div className="duban-order-summary">
      <strong>{t('duban.orders.number', { id: order.id })}</strong>{' '}
      <span className={`duban-state duban-state-${order.state}`}>{t(`duban.state.${order.state}`)}</span>{' '}
      <span className={order.overdue ? 'duban-overdue' : undefined}>
        {t('duban.orders.dueOn', { date: order.dueOn })}
        {order.state !== 'accepted' &&
          order.state !== 'done' &&
          ` · ${order.daysLeft >= 0 ? t('duban.orders.daysLeft', { days: order.daysLeft }) : t('duban.orders.daysOverdue', { days: -order.daysLeft })}`}
      </span>
      <div>
        {zh ? order.unitNameZh : order.unitNameEn} ·{' '}
        {order.items.map((i) => `${(zh ? i.nameZh : i.nameEn) ?? ''} ${i.id}`).join('、')}
      </div>
      <p className="duban-request">{order.request}</p>
    </div>
  )
}

/** Orders as a list, each with its summary and an Open button. */
export function OrderList({
  orders,
  openId,
  onOpen,
}: {
  orders: readonly OrderRow[]
  openId: number | null
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation()
  return (
    <ul className="duban-orders" data-testid="order-list">
      {orders.map((o) => (
        <li key={o.id} data-order-id={o.id} data-state={o.state} aria-current={o.id === openId ? 'true' : undefined}>
          <OrderSummary order={o} />
          <button type="button" onClick={() => onOpen(o.id)} data-testid="order-open">
            {t('duban.orders.open')}
          </button>
        </li>
      ))}
    </ul>
  )
}

/**
 * An order opened: its log, attachments and the steps the reader may take (the unit acknowledges,
 * replies with text and a file, reports done; the planner accepts or sends back).
 */
export function OrderView({ id, side }: { id: number; side: 'unit' | 'planner' | 'viewer' }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const detail = useQuery(trpc.duban.orders.get.queryOptions({ id }))
  const [note, setNote] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const step = useMutation(trpc.duban.orders.step.mutationOptions())
  const upload = useMutation(trpc.duban.attachments.upload.mutationOptions())
  if (detail.error)
    return (
      <p role="alert" className="plan-error">
        {messageOf(detail.error)}
      </p>
    )
  if (!detail.data) return <p>{t('plan.table.loading')}</p>
  const { order, log, attachments } = detail.data

  const act = async (which: 'acknowledge' | 'reply' | 'done' | 'accept' | 'send_back') => {
    setError(null)
    try {
      if (file && which !== 'accept' && which !== 'send_back') {
        const target = order.items[0]!
        await upload.mutateAsync({
          entity: target.entity,
          id: target.id,
          orderId: order.id,
          fileName: file.name,
          dataBase64: await fileToBase64(file),
        })
      }
      await step.mutateAsync({
        id: order.id,
        expectedVersion: order.version,
        step: which,
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      setNote('')
      setFile(null)
      await queryClient.invalidateQueries(trpc.duban.pathFilter())
    } catch (err) {
      setError(messageOf(err))
    }
  }
  const busy = step.isPending || upload.isPending
  const button = (which: Parameters<typeof act>[0], label: string, needsNote = false) => (
    <button
      type="button"
      disabled={busy || (needsNote && !note.trim())}
      onClick={() => void act(which)}
      data-testid={`order-${which}`}
    >
      {label}
    </button>
  )
  // The unit answers while it owes the work; once it reported done, the planner has the next step.
  const open = order.state === 'issued' || order.state === 'acknowledged' || order.state === 'returned'

  return (
    <section className="duban-order" data-testid="order-view" data-order-id={order.id} data-state={order.state}>
      <OrderSummary order={order} />
      <h4>{t('duban.orders.log')}</h4>
      <ol className="plan-history" data-testid="order-log">
        {log.map((l) => (
          <li key={l.id}>
            {new Date(l.recordedAt).toLocaleString()} · {l.actor} · {t(`duban.action.${l.action}`)}
            {l.note ? ` · ${l.note}` : ''}
          </li>
        ))}
      </ol>
      <AttachmentList attachments={attachments} canPublish={side === 'planner'} />
      {open && side === 'unit' && (
        <div className="plan-edit">
          <label>
            {t('duban.orders.reply')}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="order-note" />
          </label>
          <label>
            {t('duban.orders.attach')}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="order-file"
            />
          </label>
          <div className="duban-actions">
            {order.state === 'issued' && button('acknowledge', t('duban.orders.acknowledge'))}
            {button('reply', t('duban.orders.sendReply'), true)}
            {(order.state === 'acknowledged' || order.state === 'returned') && button('done', t('duban.orders.done'))}
          </div>
        </div>
      )}
      {order.state === 'done' && side === 'planner' && (
        <div className="plan-edit">
          <label>
            {t('duban.orders.sendBackReason')}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="order-note" />
          </label>
          <div className="duban-actions">
            {button('accept', t('duban.orders.accept'))}
            {button('send_back', t('duban.orders.sendBack'), true)}
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="plan-error">
          {error}
        </p>
      )}
    </section>
  )
}
