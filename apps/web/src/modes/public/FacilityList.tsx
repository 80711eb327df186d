import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { FACILITY_STATUS_COLOURS, type Facility, facilityName } from './facility-model.ts'

/** The accessible alternative to the map: every facility as a link to its card (its permalink). */
export function FacilityList({
  items,
  selectedId,
  loading,
  error,
}: {
  items: readonly Facility[]
  selectedId: string | undefined
  loading: boolean
  error: string | undefined
}) {
  const { t, i18n } = useTranslation()
  return (
    <section className="facility-list" aria-labelledby="facility-list-title">
      <h2 id="facility-list-title">{t('list.label')}</h2>
      <p className="list-count" role="status">
        {error ? t('list.error', { message: error }) : loading ? t('list.loading') : items.length ? t('list.count', { count: items.length }) : t('list.empty')}
      </p>
      <ul>
        {items.map((f) => {
          const name = facilityName(f, i18n.language)
          return (
            <li key={f.id}>
              <Link href={`/facility/${encodeURIComponent(f.id)}`} aria-current={f.id === selectedId ? 'true' : undefined} data-facility-id={f.id}>
                <span className="status-dot" style={{ background: FACILITY_STATUS_COLOURS[f.status] }} aria-hidden="true" />
                <span className="facility-name">{name}</span>
                <span className="facility-meta">
                  {t(`kind.${f.kind}`)} · {t(`status.${f.status}`)}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
