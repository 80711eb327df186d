import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { FACILITY_STATUS_COLOURS, type Facility, facilityName, type StatusChange } from './facility-model.ts'
import { PublicPhotos } from './PublicPhotos.tsx'
import { SampleBadge } from './SampleBadge.tsx'

interface Props {
  id: string
  facility: Facility | undefined
  history: readonly StatusChange[]
  loading: boolean
  notFound: boolean
  isSample: boolean
}

/** The card of one facility; its heading takes focus when it opens so screen readers announce it. */
export function FacilityCard({ id, facility, history, loading, notFound, isSample }: Props) {
  const { t, i18n } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  const [copied, setCopied] = useState(false)
  const permalink = `${location.origin}/facility/${encodeURIComponent(id)}`

  useEffect(() => {
    if (facility) heading.current?.focus()
  }, [facility?.id])

  if (notFound || (!facility && !loading)) {
    return (
      <section className="card" aria-labelledby="card-title">
        <h2 id="card-title" ref={heading} tabIndex={-1}>
          {t('card.notFound', { id })}
        </h2>
        <Link href="/">{t('card.close')}</Link>
      </section>
    )
  }
  if (!facility) return <section className="card" aria-busy="true"><p>{t('card.loading')}</p></section>

  const notSet = t('card.notSet')
  const capacity = facility.capacity && facility.capacity_unit ? t(`capacity.${facility.capacity_unit}`, { count: facility.capacity }) : notSet
  const copy = async () => {
    await navigator.clipboard.writeText(permalink)
    setCopied(true)
  }
  return (
    <section className="card" aria-labelledby="card-title" data-testid="facility-card">
      <div className="card-head">
        <h2 id="card-title" ref={heading} tabIndex={-1}>
          {facilityName(facility, i18n.language)}
        </h2>
        <Link href="/" className="card-close" aria-label={t('card.close')}>
          ×
        </Link>
      </div>
      {isSample && <SampleBadge />}
      <dl className="card-fields">
        <dt>{t('card.kind')}</dt>
        <dd>{t(`kind.${facility.kind}`)}</dd>
        <dt>{t('card.status')}</dt>
        <dd>
          <span className="status-dot" style={{ background: FACILITY_STATUS_COLOURS[facility.status] }} aria-hidden="true" />
          {t(`status.${facility.status}`)}
        </dd>
        <dt>{t('card.plannedStart')}</dt>
        <dd>{facility.planned_start ?? notSet}</dd>
        <dt>{t('card.actualStart')}</dt>
        <dd>{facility.actual_start ?? notSet}</dd>
        <dt>{t('card.expectedCompletion')}</dt>
        <dd>{facility.actual_finish ?? facility.planned_finish ?? notSet}</dd>
        <dt>{t('card.capacity')}</dt>
        <dd>{capacity}</dd>
      </dl>
      <PublicPhotos entity="facility" id={facility.id} />
      <h3>{t('card.history')}</h3>
      {history.length ? (
        <ol className="history">
          {history.map((h, i) => (
            <li key={`${h.happened_on}-${i}`}>
              {h.from_status
                ? t('card.historyEntry', { date: h.happened_on, from: t(`status.${h.from_status}`), to: t(`status.${h.to_status}`) })
                : t('card.historyFirst', { date: h.happened_on, to: t(`status.${h.to_status}`) })}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('card.noHistory')}</p>
      )}
      <p className="permalink">
        <span>{t('card.permalink')}: </span>
        <a href={permalink} data-testid="permalink">
          {permalink}
        </a>{' '}
        <button type="button" className="link-button" onClick={() => void copy()}>
          {copied ? t('card.copied') : t('card.copyLink')}
        </button>
      </p>
    </section>
  )
}
