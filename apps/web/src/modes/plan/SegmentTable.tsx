import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SegmentRow, SegmentsPage, SortKey } from './plan-data.ts'
import { RowCard } from './duban/RowCard.tsx'
import { Pager, SortHeader } from './TableParts.tsx'

/** Rows ticked for a bulk edit, by id, with the version and status they were ticked at. */
export type Ticked = ReadonlyMap<string, Pick<SegmentRow, 'id' | 'version' | 'status' | 'nameZh' | 'nameEn'>>

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'plan.table.name' },
  { key: 'status', label: 'plan.table.status' },
  { key: 'length', label: 'plan.table.length' },
  { key: 'planned_start', label: 'plan.table.plannedStart' },
  { key: 'lateness', label: 'plan.table.lateness' },
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
  /** Bulk-edit ticks; absent for viewers. */
  ticked?: Ticked
  onTick?: (row: SegmentRow, on: boolean) => void
}) {
  const { t, i18n } = useTranslation()
  const { data, sort, selectedId } = props
  const selectedRow = useRef<HTMLTableRowElement>(null)
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which React must not take for a cleanup.
    void selectedRow.current?.scrollIntoView({ block: 'nearest' })
  }, [selectedId, data?.page])
  if (props.error)
    return (
      <p role="alert" className="plan-error">
        {props.error}
      </p>
    )
  if (!data) return <p>{t('plan.table.loading')}</p>
  const pages = Math.max(1, Math.ceil(data.totals.segments / data.pageSize))
  const km = (data.totals.lengthM / 1000).toFixed(2)
  const share = (data.totals.completedShare * 100).toFixed(1)
  return (
    <section aria-labelledby="plan-table-title">
      <h3 id="plan-table-title" className="visually-hidden">
        {t('plan.table.title')}
      </h3>
      <p
        className="plan-totals"
        data-testid="plan-totals"
        data-count={data.totals.segments}
        data-length-m={data.totals.lengthM}
        data-share={data.totals.completedShare}
      >
        {t('plan.table.totals', { count: data.totals.segments, km, share })}
      </p>
      <table className="plan-table" data-testid="plan-table">
        <thead>
          <tr>
            {props.onTick && (
              <th scope="col">
                <span className="visually-hidden">{t('plan.bulk.tick')}</span>
              </th>
            )}
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} column={c.key} label={c.label} sort={sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr
              key={r.id}
              data-segment-id={r.id}
              aria-selected={r.id === selectedId}
              ref={r.id === selectedId ? selectedRow : undefined}
            >
              {props.onTick && (
                <td>
                  <input
                    type="checkbox"
                    name="bulk"
                    aria-label={t('plan.bulk.tickRow', {
                      name: i18n.language === 'zh' ? r.nameZh : r.nameEn,
                      id: r.id,
                    })}
                    checked={props.ticked?.has(r.id) ?? false}
                    onChange={(e) => props.onTick?.(r, e.target.checked)}
                  />
                </td>
              )}
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
              <td className="num" data-late-days={r.lateDays ?? ''}>
                {r.lateDays ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={data.page} pages={pages} onPage={props.onPage} />
    </section>
  )
}
