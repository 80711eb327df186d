import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SegmentsPage, SortKey } from './plan-data.ts'
import { RowCard } from './duban/RowCard.tsx'

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'plan.table.name' },
  { key: 'status', label: 'plan.table.status' },
  { key: 'length', label: 'plan.table.length' },
  { key: 'planned_start', label: 'plan.table.plannedStart' },
  { key: 'overdue_days', label: 'plan.table.overdueDays' },
]

export interface TableSort {
  sort: SortKey
  dir: 'asc' | 'desc'
}

/** Totals of the filter and one sorted page of its segments; a row click selects the segment. */
export function SegmentTable(props: {
  data: SegmentsPage | undefined
  error: string | undefined
  sort: TableSort
  onSort: (s: TableSort) => void
  onPage: (page: number) => void
  selectedId: string | null
  onSelect: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  const { data, sort, selectedId } = props
  const selectedRow = useRef<HTMLTableRowElement>(null)
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which React must not take for a cleanup.
    void selectedRow.current?.scrollIntoView({ block: 'nearest' })
  }, [selectedId, data?.page])
  if (props.error) return <p role="alert" className="plan-error">{props.error}</p>
  if (!data) return <p>{t('plan.table.loading')}</p>
  const pages = Math.max(1, Math.ceil(data.totals.segments / data.pageSize))
  const km = (data.totals.lengthM / 1000).toFixed(2)
  const share = (data.totals.completedShare * 100).toFixed(1)
  return (
    <section aria-labelledby="plan-table-title">
      <h3 id="plan-table-title" className="visually-hidden">
        {t('plan.table.title')}
      </h3>
      <p className="plan-totals" data-testid="plan-totals" data-count={data.totals.segments} data-length-m={data.totals.lengthM} data-share={data.totals.completedShare}>
        {t('plan.table.totals', { count: data.totals.segments, km, share })}
      </p>
      <table className="plan-table" data-testid="plan-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.sort === c.key
              return (
                <th key={c.key} scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" onClick={() => props.onSort({ sort: c.key, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' })}>
                    {t(c.label)}
                    {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id} data-segment-id={r.id} aria-selected={r.id === selectedId} ref={r.id === selectedId ? selectedRow : undefined}>
              <td>
                <button type="button" className="plan-row-link" onClick={() => props.onSelect(r.id)}>
                  {i18n.language === 'zh' ? r.nameZh : r.nameEn}
                  <span className="plan-id">{r.id}</span>
                </button>
              </td>
              <td data-status={r.status}>
                {t(`roadStatus.${r.status}`)} <RowCard entity="road_segment" id={r.id} />
              </td>
              <td className="num">{Math.round(r.lengthM)}</td>
              <td>{r.plannedStart ?? '—'}</td>
              <td className="num">{r.overdueDays ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="plan-pager" aria-label={t('plan.table.pages')}>
        <button type="button" disabled={data.page <= 1} onClick={() => props.onPage(data.page - 1)}>
          {t('plan.table.previous')}
        </button>
        <span>{t('plan.table.page', { page: data.page, pages })}</span>
        <button type="button" disabled={data.page >= pages} onClick={() => props.onPage(data.page + 1)}>
          {t('plan.table.next')}
        </button>
      </nav>
    </section>
  )
}
