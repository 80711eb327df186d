import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import { messageOf } from '../plan-data.ts'
import { UnitOptions } from './UnitOptions.tsx'

type ItemRef = { entity: 'road_segment' | 'road' | 'facility'; id: string }

/** Reads "s-12, f-3, road:r-5" into item refs: facility ids start with f-, roads are written road:<id>. */
export function parseItemList(text: string): ItemRef[] {
  return text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) =>
      s.startsWith('road:')
        ? { entity: 'road', id: s.slice(5) }
        : s.startsWith('f-')
          ? { entity: 'facility', id: s }
          : { entity: 'road_segment', id: s },
    )
}

/** A planner issues an order: items, unit, what is asked and by when. */
export function IssueOrderForm({
  initialItems = '',
  initialUnit = '',
}: {
  initialItems?: string
  initialUnit?: string
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const units = useQuery(trpc.duban.units.list.queryOptions())
  const [items, setItems] = useState(initialItems)
  const [unitId, setUnitId] = useState(initialUnit)
  const [request, setRequest] = useState('')
  const [dueOn, setDueOn] = useState('')
  const issue = useMutation(
    trpc.duban.orders.issue.mutationOptions({
      onSuccess: async () => {
        setRequest('')
        await queryClient.invalidateQueries(trpc.duban.pathFilter())
      },
    }),
  )
  return (
    <form
      className="plan-edit"
      data-testid="issue-order"
      onSubmit={(e) => {
        e.preventDefault()
        issue.mutate({ items: parseItemList(items), unitId, request, dueOn })
      }}
    >
      <h4>{t('duban.orders.issueTitle')}</h4>
      <label>
        {t('duban.orders.items')}
        <input value={items} onChange={(e) => setItems(e.target.value)} required name="items" />
      </label>
      <label>
        {t('duban.orders.unit')}
        <select value={unitId} onChange={(e) => setUnitId(e.target.value)} required name="unit">
          <option value="" />
          <UnitOptions units={units.data} />
        </select>
      </label>
      <label>
        {t('duban.orders.request')}
        <textarea value={request} onChange={(e) => setRequest(e.target.value)} required rows={2} name="request" />
      </label>
      <label>
        {t('duban.orders.due')}
        <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} required name="due" />
      </label>
      <button type="submit" disabled={issue.isPending}>
        {t('duban.orders.issue')}
      </button>
      {issue.data && <p role="status">{t('duban.orders.issued', { id: issue.data.id })}</p>}
      {issue.error && (
        <p role="alert" className="plan-error">
          {messageOf(issue.error)}
        </p>
      )}
    </form>
  )
}
