import { FACILITY_KINDS, FACILITY_STATUSES } from '@onemap/domain/statuses'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ExportButtons } from './ExportButtons.tsx'
import {
  type FacilitiesInput,
  type FacilitySortKey,
  messageOf,
  useFacilities,
  usePlaceName,
  type usePlaces,
} from './plan-data.ts'
import { EMPTY_FACILITY_FILTER, type FacilityFilter, facilitySelection, SCHEDULE_CHOICES } from './plan-filter.ts'
import { CheckGroup, Pager, SortHeader, SubDistrictSelect } from './TableParts.tsx'

const PAGE_SIZE = 20
const COLUMNS: { key: FacilitySortKey; label: string }[] = [
  { key: 'name', label: 'plan.table.name' },
  { key: 'kind', label: 'plan.facilities.kind' },
  { key: 'status', label: 'plan.table.status' },
  { key: 'planned_start', label: 'plan.table.plannedStart' },
  { key: 'lateness', label: 'plan.table.lateness' },
]

/** The 设施 tab: facility filters, the sorted table (lateness first) and its export. */
export function FacilitiesTab(props: {
  places: ReturnType<typeof usePlaces>
  selectedId: string | null
  focusId: string | null
  onSelect: (id: string) => void
  /** Ids the map should show, or null for all (no filter). */
  onIds: (ids: readonly string[] | null) => void
  onSubDistrict: (code: string) => void
}) {
  const { t, i18n } = useTranslation()
  const placeName = usePlaceName()
  const [filter, setFilterState] = useState<FacilityFilter>(EMPTY_FACILITY_FILTER)
  const [sort, setSort] = useState<{ sort: FacilitySortKey; dir: 'asc' | 'desc' }>({ sort: 'lateness', dir: 'desc' })
  const [page, setPage] = useState(1)
  const selection = useMemo(() => facilitySelection(filter), [filter])
  const input: FacilitiesInput = {
    ...selection,
    ...sort,
    page,
    pageSize: PAGE_SIZE,
    ...(props.focusId ? { focusId: props.focusId } : {}),
  }
  const data = useFacilities(input)
  const set = (patch: Partial<FacilityFilter>) => (setFilterState({ ...filter, ...patch }), setPage(1))
  const filtered = filter !== EMPTY_FACILITY_FILTER && JSON.stringify(filter) !== JSON.stringify(EMPTY_FACILITY_FILTER)
  const { onIds } = props
  const ids = data.data?.ids
  useEffect(() => onIds(filtered ? (ids ?? []) : null), [filtered, ids, onIds])
  useEffect(() => () => onIds(null), [onIds])
  useEffect(() => {
    if (props.focusId && data.data && !data.isPlaceholderData) setPage(data.data.page)
  }, [props.focusId, data.data, data.isPlaceholderData])
  const d = data.data
  const pages = d ? Math.max(1, Math.ceil(d.total / d.pageSize)) : 1

  return (
    <div>
      <form className="plan-filters" aria-label={t('plan.facilities.filter')} onSubmit={(e) => e.preventDefault()}>
        <CheckGroup
          legend="plan.facilities.kind"
          name="kind"
          values={FACILITY_KINDS}
          checked={filter.kind}
          labelKey={(k) => `kind.${k}`}
          onChange={(kind) => set({ kind })}
        />
        <CheckGroup
          legend="plan.filter.status"
          name="facility-status"
          values={FACILITY_STATUSES}
          checked={filter.status}
          labelKey={(v) => `status.${v}`}
          onChange={(status) => set({ status })}
        />
        <CheckGroup
          legend="plan.filter.schedule"
          name="facility-schedule"
          values={SCHEDULE_CHOICES}
          checked={filter.schedule}
          labelKey={(v) => `plan.schedule.${v}`}
          onChange={(schedule) => set({ schedule })}
        />
        <div className="plan-filter-row">
          <SubDistrictSelect
            name="facility-sub-district"
            value={filter.subDistrict}
            options={props.places.subDistricts}
            onChange={(code) => (set({ subDistrict: code }), code && props.onSubDistrict(code))}
          />
          <label>
            {t('plan.facilities.programme')}
            <select
              name="programme"
              value={filter.programme}
              onChange={(e) => set({ programme: e.target.value as FacilityFilter['programme'] })}
            >
              <option value="">{t('plan.filter.any')}</option>
              <option value="in">{t('plan.facilities.inProgramme')}</option>
              <option value="context">{t('plan.facilities.context')}</option>
            </select>
          </label>
          <button type="button" onClick={() => set(EMPTY_FACILITY_FILTER)}>
            {t('plan.filter.clear')}
          </button>
        </div>
      </form>
      {data.error && (
        <p role="alert" className="plan-error">
          {messageOf(data.error)}
        </p>
      )}
      {d && (
        <section aria-label={t('plan.facilities.title')}>
          <p className="plan-totals" data-testid="facility-totals" data-count={d.total}>
            {t('plan.facilities.totals', { count: d.total })}
          </p>
          <table className="plan-table" data-testid="facility-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <SortHeader
                    key={c.key}
                    column={c.key}
                    label={c.label}
                    sort={sort}
                    onSort={(x) => (setSort(x), setPage(1))}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id} data-facility-id={r.id} aria-selected={r.id === props.selectedId}>
                  <td>
                    <button type="button" className="plan-row-link" onClick={() => props.onSelect(r.id)}>
                      {i18n.language === 'zh' ? r.nameZh : r.nameEn}
                      <span className="plan-id">
                        {r.id} · {placeName(r.subDistrictCode, r.subDistrictName)}
                      </span>
                    </button>
                  </td>
                  <td>{t(`kind.${r.kind}`)}</td>
                  <td data-status={r.status}>{t(`status.${r.status}`)}</td>
                  <td>{r.plannedStart ?? '—'}</td>
                  <td className="num" data-late-days={r.lateDays ?? ''}>
                    {r.lateDays ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={d.page} pages={pages} onPage={setPage} />
        </section>
      )}
      <ExportButtons kind="facilities" selection={selection} />
    </div>
  )
}
