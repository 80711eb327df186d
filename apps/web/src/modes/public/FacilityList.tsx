import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { FACILITY_STATUS_COLOURS } from '@onemap/domain/values'
import { type Facility, facilityName } from './facility-model.ts'

/** What the list shows: the programme's facilities (default), all of them, or those not started. */
export type ListScope = 'programme' | 'all' | 'notStarted'

/** The accessible alternative to the map: every facility as a link to its card (its permalink). */
export function FacilityList({
  items,
  scope,
  others,
  onScope,
  distancesKm,
  selectedId,
  loading,
  error,
}: {
  items: readonly Facility[]
  scope: ListScope
  /** How many facilities outside the programme match the filters (the toggle says so). */
  others: number
  onScope: (scope: ListScope) => void
  /** Distance from the reader, when "near me" found them inside the zone. */
  distancesKm: ReadonlyMap<string, number> | null
  selectedId: string | undefined
  loading: boolean
  error: string | undefined
}) {
  const { t, i18n } = useTranslation()
  const km = new Intl.NumberFormat(i18n.language === 'zh' ? 'zh-CN' : 'en', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  })
  const count = error
    ? t('list.error', { message: error })
    : loading
      ? t('list.loading')
      : items.length === 0
        ? t('list.empty')
        : t(`list.count_${scope}`, { count: items.length })
  return (
    <section className="facility-list" aria-labelledby="facility-list-title">
      <h2 id="facility-list-title">{scope === 'notStarted' ? t('list.notStartedTitle') : t('list.label')}</h2>
      <p className="list-count" role="status" data-testid="list-count">
        {count}
      </p>
      {scope === 'notStarted' ? (
        <button type="button" className="link-button" onClick={() => onScope('programme')}>
          {t('list.backToAll')}
        </button>
      ) : (
        <label className="toggle">
          <input
            type="checkbox"
            checked={scope === 'all'}
            onChange={(e) => onScope(e.target.checked ? 'all' : 'programme')}
            data-testid="include-others"
          />
          {t('list.includeOthers', { count: others })}
        </label>
      )}
      <ul>
        {items.map((f) => {
          const distance = distancesKm?.get(f.id)
          return (
            <li key={f.id}>
              <Link
                href={`/facility/${encodeURIComponent(f.id)}`}
                aria-current={f.id === selectedId ? 'true' : undefined}
                data-facility-id={f.id}
              >
                <span
                  className="status-dot"
                  style={{ background: FACILITY_STATUS_COLOURS[f.status] }}
                  aria-hidden="true"
                />
                <span className="facility-name">{facilityName(f, i18n.language)}</span>
                <span className="facility-meta">
                  {t(`kind.${f.kind}`)} · {t(`status.${f.status}`)}
                  {f.in_programme ? '' : ` · ${t('card.notInProgramme')}`}
                  {distance !== undefined && (
                    <span data-testid="distance"> · {t('near.distance', { km: km.format(distance) })}</span>
                  )}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
