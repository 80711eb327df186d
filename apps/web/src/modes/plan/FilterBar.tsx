import { ROAD_CLASSES, ROAD_SEGMENT_STATUSES } from '@onemap/domain/statuses'
import { useTranslation } from 'react-i18next'
import { EMPTY_FILTER, type PlanFilter, SCHEDULE_CHOICES, UNBUILT_STATUSES } from './plan-filter.ts'
import type { usePlaces } from './plan-data.ts'

type Places = ReturnType<typeof usePlaces>

const toggle = <T extends string>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value])

/** The filter bar: every change applies at once to the map and the table. */
export function FilterBar({ value, onChange, places }: { value: PlanFilter; onChange: (f: PlanFilter) => void; places: Places }) {
  const { t, i18n } = useTranslation()
  const name = (p: { nameZh: string; nameEn: string }) => (i18n.language === 'zh' ? p.nameZh : p.nameEn)
  const set = (patch: Partial<PlanFilter>) => onChange({ ...value, ...patch })
  return (
    <form className="plan-filters" aria-label={t('plan.filter.label')} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('plan.filter.status')}</legend>
        <button type="button" className="plan-chip" onClick={() => set({ status: [...UNBUILT_STATUSES] })}>
          {t('plan.filter.unbuilt')}
        </button>
        {ROAD_SEGMENT_STATUSES.map((s) => (
          <label key={s} className="plan-check">
            <input type="checkbox" name="status" value={s} checked={value.status.includes(s)} onChange={() => set({ status: toggle(value.status, s) })} />
            {t(`roadStatus.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('plan.filter.class')}</legend>
        {ROAD_CLASSES.map((c) => (
          <label key={c} className="plan-check">
            <input type="checkbox" name="class" value={c} checked={value.roadClass.includes(c)} onChange={() => set({ roadClass: toggle(value.roadClass, c) })} />
            {t(`roadClass.${c}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('plan.filter.schedule')}</legend>
        {SCHEDULE_CHOICES.map((s) => (
          <label key={s} className="plan-check">
            <input type="checkbox" name="schedule" value={s} checked={value.schedule.includes(s)} onChange={() => set({ schedule: toggle(value.schedule, s) })} />
            {t(`plan.schedule.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="plan-filter-row">
        <label>
          {t('plan.filter.subDistrict')}
          <select value={value.subDistrict} onChange={(e) => set({ subDistrict: e.target.value })}>
            <option value="">{t('plan.filter.any')}</option>
            {places.subDistricts.map((p) => (
              <option key={p.id} value={p.id}>
                {name(p)}
              </option>
            ))}
          </select>
        </label>
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
