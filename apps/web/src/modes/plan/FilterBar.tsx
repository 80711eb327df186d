import { ROAD_CLASSES, ROAD_SEGMENT_STATUSES } from '@onemap/domain/statuses'
import { useTranslation } from 'react-i18next'
import { EMPTY_FILTER, type PlanFilter, SCHEDULE_CHOICES, UNBUILT_STATUSES } from './plan-filter.ts'
import type { usePlaces } from './plan-data.ts'
import { CheckGroup, SubDistrictSelect } from './TableParts.tsx'

type Places = ReturnType<typeof usePlaces>

/** The filter bar: every change applies at once to the map and the table. */
export function FilterBar({
  value,
  onChange,
  places,
}: {
  value: PlanFilter
  onChange: (f: PlanFilter) => void
  places: Places
}) {
  const { t, i18n } = useTranslation()
  const name = (p: { nameZh: string; nameEn: string }) => (i18n.language === 'zh' ? p.nameZh : p.nameEn)
  const set = (patch: Partial<PlanFilter>) => onChange({ ...value, ...patch })
  return (
    <form className="plan-filters" aria-label={t('plan.filter.label')} onSubmit={(e) => e.preventDefault()}>
      <CheckGroup
        legend="plan.filter.status"
        name="status"
        values={ROAD_SEGMENT_STATUSES}
        checked={value.status}
        labelKey={(s) => `roadStatus.${s}`}
        onChange={(status) => set({ status })}
      >
        <button type="button" className="plan-chip" onClick={() => set({ status: [...UNBUILT_STATUSES] })}>
          {t('plan.filter.unbuilt')}
        </button>
      </CheckGroup>
      <CheckGroup
        legend="plan.filter.class"
        name="class"
        values={ROAD_CLASSES}
        checked={value.roadClass}
        labelKey={(c) => `roadClass.${c}`}
        onChange={(roadClass) => set({ roadClass })}
      />
      <CheckGroup
        legend="plan.filter.schedule"
        name="schedule"
        values={SCHEDULE_CHOICES}
        checked={value.schedule}
        labelKey={(s) => `plan.schedule.${s}`}
        onChange={(schedule) => set({ schedule })}
      />
      <div className="plan-filter-row">
        <SubDistrictSelect
          value={value.subDistrict}
          options={places.subDistricts}
          onChange={(subDistrict) => set({ subDistrict })}
        />
        <label>
          {t('plan.filter.area')}
          <select value={value.area} onChange={(e) => set({ area: e.target.value })}>
            <option value="">{t('plan.filter.any')}</option>
            {places.renewalZones.map((p) => (
              <option key={p.id} value={`zone:${p.id}`}>
                {name(p)}
              </option>
            ))}
            {places.renewalUnits.map((p) => (
              <option key={p.id} value={`unit:${p.id}`}>
                {name(p)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="plan-filter-row">
        <label>
          {t('plan.filter.plannedFrom')}
          <input type="date" value={value.plannedFrom} onChange={(e) => set({ plannedFrom: e.target.value })} />
        </label>
        <label>
          {t('plan.filter.plannedTo')}
          <input type="date" value={value.plannedTo} onChange={(e) => set({ plannedTo: e.target.value })} />
        </label>
      </div>
      <button type="button" onClick={() => onChange(EMPTY_FILTER)}>
        {t('plan.filter.clear')}
      </button>
    </form>
  )
}
