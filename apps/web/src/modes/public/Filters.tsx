import { FACILITY_KINDS, FACILITY_STATUSES, type FacilityKind, type FacilityStatus } from '@onemap/domain/values'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

export interface FacilityFilters {
  q: string
  kind: FacilityKind | ''
  status: FacilityStatus | ''
  /** NBS code of a sub-district, or '' for all. */
  subDistrict: string
}

export const NO_FILTERS: FacilityFilters = { q: '', kind: '', status: '', subDistrict: '' }

export interface SubDistrictOption {
  code: string
  name_zh: string
  name_en: string
}

/** Search and filters of the facility list; every control has a visible label. */
export function Filters({
  value,
  onChange,
  subDistricts,
}: {
  value: FacilityFilters
  onChange: (next: FacilityFilters) => void
  subDistricts: readonly SubDistrictOption[]
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const set = <K extends keyof FacilityFilters>(key: K, v: FacilityFilters[K]) => onChange({ ...value, [key]: v })
  return (
    <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field field-search">
        <label htmlFor={`${id}-q`}>{t('filters.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={value.q}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(e) => set('q', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('filters.kind')}</label>
        <select
          id={`${id}-kind`}
          value={value.kind}
          onChange={(e) => set('kind', e.target.value as FacilityFilters['kind'])}
        >
          <option value="">{t('filters.all')}</option>
          {FACILITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('filters.status')}</label>
        <select
          id={`${id}-status`}
          value={value.status}
          onChange={(e) => set('status', e.target.value as FacilityFilters['status'])}
        >
          <option value="">{t('filters.all')}</option>
          {FACILITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sd`}>{t('filters.subDistrict')}</label>
        <select id={`${id}-sd`} value={value.subDistrict} onChange={(e) => set('subDistrict', e.target.value)}>
          <option value="">{t('filters.all')}</option>
          {subDistricts.map((s) => (
            <option key={s.code} value={s.code}>
              {i18n.language === 'zh' ? s.name_zh : s.name_en}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
        {t('filters.clear')}
      </button>
    </form>
  )
}
