import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import { messageOf } from '../plan-data.ts'
import { UnitOptions } from './UnitOptions.tsx'
import { AttachmentList } from './AttachmentList.tsx'
import { CardBadge, CardReasons } from './CardsSection.tsx'
import { fileToBase64 } from './duban-data.ts'
import { IssueOrderForm } from './IssueOrderForm.tsx'
import { OrderSummary } from './OrderView.tsx'
import './duban.css'

type Entity = 'road_segment' | 'facility'

/** In the item drawer: its card, lead/co-units, investment, orders and attachments (planners edit). */
export function ItemDubanPanel({ entity, id, canEdit }: { entity: Entity; id: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const item = useQuery(trpc.duban.items.get.queryOptions({ entity, id }))
  const units = useQuery(trpc.duban.units.list.queryOptions())
  const cards = useQuery(trpc.duban.cards.list.queryOptions())
  const orders = useQuery(trpc.duban.orders.list.queryOptions({ item: { entity, id } }))
  const files = useQuery(trpc.duban.attachments.forItem.queryOptions({ entity, id }))
  const [draft, setDraft] = useState<Record<string, string> | null>(null)
  const refresh = () => queryClient.invalidateQueries(trpc.duban.pathFilter())
  const save = useMutation(
    trpc.duban.items.set.mutationOptions({ onSuccess: async () => (setDraft(null), await refresh()) }),
  )
  const upload = useMutation(trpc.duban.attachments.upload.mutationOptions({ onSuccess: refresh }))
  const r = item.data?.responsibility
  if (!r) return null
  const zh = i18n.language === 'zh'
  const carded = cards.data?.items.find((c) => c.entity === entity && c.id === id)
  const unitName = (u: string | null) =>
    u ? (units.data?.find((x) => x.id === u)?.[zh ? 'nameZh' : 'nameEn'] ?? u) : '—'
  const value = draft ?? {
    leadUnit: r.leadUnit ?? '',
    coUnits: r.coUnits.join(','),
    planned: r.plannedInvestment?.toString() ?? '',
    completed: r.completedInvestment?.toString() ?? '',
    funding: r.fundingSource ?? '',
  }
  const set = (k: string) => (e: { target: { value: string } }) => setDraft({ ...value, [k]: e.target.value })
  const num = (s: string | undefined) => (s && s.trim() !== '' ? Number(s) : null)

  return (
    <section className="duban-item" data-testid="item-duban" aria-labelledby="duban-item-title">
      <h4 id="duban-item-title">
        {t('duban.item.title')} {carded?.card && <CardBadge colour={carded.card.colour} />}{' '}
        {r.isSample && <span className="duban-sample">{t('duban.sampleValues')}</span>}
      </h4>
      {carded && (
        <p className="plan-note" data-testid="item-card-reasons">
          <CardReasons item={carded} />
        </p>
      )}
      <dl className="plan-fields">
        <dt>{t('duban.item.lead')}</dt>
        <dd data-testid="item-lead">{unitName(r.leadUnit)}</dd>
        <dt>{t('duban.item.co')}</dt>
        <dd>{r.coUnits.map(unitName).join('、') || '—'}</dd>
        <dt>{t('duban.item.planned')}</dt>
        <dd>{r.plannedInvestment ?? '—'}</dd>
        <dt>{t('duban.item.completed')}</dt>
        <dd>{r.completedInvestment ?? '—'}</dd>
        <dt>{t('duban.item.funding')}</dt>
        <dd>{r.fundingSource ?? '—'}</dd>
      </dl>
      {canEdit && (
        <form
          className="plan-edit"
          onSubmit={(e) => {
            e.preventDefault()
            save.mutate({
              entity,
              id,
              expectedVersion: r.version,
              leadUnit: value.leadUnit || null,
              coUnits: (value.coUnits ?? '').split(/[,，\s]+/).filter(Boolean),
              plannedInvestment: num(value.planned),
              completedInvestment: num(value.completed),
              fundingSource: value.funding?.trim() || null,
            })
          }}
        >
          <div className="plan-filter-row">
            <label>
              {t('duban.item.lead')}
              <select value={value.leadUnit} onChange={set('leadUnit')}>
                <option value="">—</option>
                <UnitOptions units={units.data} />
              </select>
            </label>
            <label>
              {t('duban.item.planned')}
              <input type="number" min={0} step="0.01" value={value.planned} onChange={set('planned')} />
            </label>
            <label>
              {t('duban.item.completed')}
              <input type="number" min={0} step="0.01" value={value.completed} onChange={set('completed')} />
            </label>
            <label>
              {t('duban.item.funding')}
              <input value={value.funding} onChange={set('funding')} maxLength={100} />
            </label>
          </div>
          <button type="submit" disabled={save.isPending}>
            {t('duban.item.save')}
          </button>
          {save.error && (
            <p role="alert" className="plan-error">
              {messageOf(save.error)}
            </p>
          )}
        </form>
      )}
      <h4>{t('duban.item.orders')}</h4>
      {orders.data?.length === 0 && <p className="plan-note">{t('duban.orders.none')}</p>}
      {canEdit && (
        <details>
          <summary>{t('duban.item.issueHere')}</summary>
          <IssueOrderForm key={id} initialItems={id} />
        </details>
      )}
      <ul className="duban-orders">
        {(orders.data ?? []).map((o) => (
          <li key={o.id} data-order-id={o.id}>
            <OrderSummary order={o} />
          </li>
        ))}
      </ul>
      <h4>{t('duban.item.attachments')}</h4>
      <AttachmentList attachments={files.data ?? []} canPublish={canEdit} />
      {canEdit && (
        <label>
          {t('duban.item.upload')}{' '}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
            data-testid="item-upload"
            onChange={async (e) => {
              const file = e.target.files?.[0]
              if (file) upload.mutate({ entity, id, fileName: file.name, dataBase64: await fileToBase64(file) })
              e.target.value = ''
            }}
          />
        </label>
      )}
      {upload.error && (
        <p role="alert" className="plan-error">
          {messageOf(upload.error)}
        </p>
      )}
    </section>
  )
}
