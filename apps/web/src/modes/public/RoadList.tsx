import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { unbuiltM } from './goal-model.ts'
import { type Road, roadName } from './road-model.ts'

/** Roads as links to their cards: the programme's unbuilt roads, or the roads a search matched. */
export function RoadList({
  roads,
  title,
  testId,
  onClose,
}: {
  roads: readonly Road[]
  title: string
  testId: string
  onClose?: () => void
}) {
  const { t, i18n } = useTranslation()
  const km = new Intl.NumberFormat(i18n.language === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 })
  return (
    <section className="facility-list road-list" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {onClose && (
        <button type="button" className="link-button" onClick={onClose}>
          {t('list.backToAll')}
        </button>
      )}
      <ul>
        {roads.map((r) => (
          <li key={r.id}>
            <Link href={`/road/${encodeURIComponent(r.id)}`} data-road-id={r.id}>
              <span className="status-dot road-dot" aria-hidden="true" />
              <span className="facility-name">{roadName(r, i18n.language)}</span>
              <span className="facility-meta">
                {t(`roadClass.${r.class}`)} ·{' '}
                {unbuiltM(r) > 0.5
                  ? t('road.unbuilt', { km: km.format(unbuiltM(r) / 1000) })
                  : t('road.built', { built: km.format(r.builtM / 1000), planned: km.format(r.lengthM / 1000) })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
