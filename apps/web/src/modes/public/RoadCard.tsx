import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { useRoadSegment } from './public-data.ts'
import { PublicPhotos } from './PublicPhotos.tsx'

/** The card of one road segment, reached by its permalink /road/:id. */
export function RoadCard({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const { road, loading, notFound } = useRoadSegment(id)
  if (loading) return <section className="card" aria-busy="true"><p>{t('card.loading')}</p></section>
  if (notFound || !road) {
    return (
      <section className="card" aria-labelledby="road-title">
        <h2 id="road-title">{t('road.notFound', { id })}</h2>
        <Link href="/">{t('card.close')}</Link>
      </section>
    )
  }
  const notSet = t('card.notSet')
  return (
    <section className="card" aria-labelledby="road-title" data-testid="road-card">
      <div className="card-head">
        <h2 id="road-title">{i18n.language === 'zh' ? road.name_zh : road.name_en}</h2>
        <Link href="/" className="card-close" aria-label={t('card.close')}>
          ×
        </Link>
      </div>
      <dl className="card-fields">
        <dt>{t('road.class')}</dt>
        <dd>{t(`roadClass.${road.class}`)}</dd>
        <dt>{t('card.status')}</dt>
        <dd>{t(`roadStatus.${road.status}`)}</dd>
        <dt>{t('road.length')}</dt>
        <dd>{t('road.lengthValue', { km: (road.length_m / 1000).toFixed(2) })}</dd>
        <dt>{t('card.plannedStart')}</dt>
        <dd>{road.planned_start ?? notSet}</dd>
        <dt>{t('card.expectedCompletion')}</dt>
        <dd>{road.planned_finish ?? notSet}</dd>
      </dl>
      <PublicPhotos entity="road_segment" id={id} />
    </section>
  )
}
