import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A sortable column header: a click sorts by it, descending first, then flips the direction. */
export function SortHeader<K extends string>({
  column,
  label,
  sort,
  onSort,
}: {
  column: K
  label: string
  sort: { sort: K; dir: 'asc' | 'desc' }
  onSort: (s: { sort: K; dir: 'asc' | 'desc' }) => void
}) {
  const { t } = useTranslation()
  const active = sort.sort === column
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        onClick={() => onSort({ sort: column, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' })}
      >
        {t(label)}
        {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  )
}

/** Previous / next page buttons with "page N of M". */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation()
  return (
    <nav className="plan-pager" aria-label={t('plan.table.pages')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('plan.table.previous')}
      </button>
      <span>{t('plan.table.page', { page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('plan.table.next')}
      </button>
    </nav>
  )
}

const toggle = <T extends string>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value]

/** A fieldset of checkboxes, one per value; `labelKey` gives each value's i18n key. */
export function CheckGroup<T extends string>(props: {
  legend: string
  name: string
  values: readonly T[]
  checked: readonly T[]
  labelKey: (v: T) => string
  onChange: (checked: T[]) => void
  children?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <fieldset>
      <legend>{t(props.legend)}</legend>
      {props.children}
      {props.values.map((v) => (
        <label key={v} className="plan-check">
          <input
            type="checkbox"
            name={props.name}
            value={v}
            checked={props.checked.includes(v)}
            onChange={() => props.onChange(toggle(props.checked, v))}
          />
          {t(props.labelKey(v))}
        </label>
      ))}
    </fieldset>
  )
}

/** A sub-district choice ("any" first), names in the UI's language. */
export function SubDistrictSelect({
  name,
  value,
  options,
  onChange,
}: {
  name?: string
  value: string
  options: readonly { id: string; nameZh: string; nameEn: string }[]
  onChange: (code: string) => void
}) {
  const { t, i18n } = useTranslation()
  return (
    <label>
      {t('plan.filter.subDistrict')}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('plan.filter.any')}</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {i18n.language === 'zh' ? p.nameZh : p.nameEn}
          </option>
        ))}
      </select>
    </label>
  )
}
