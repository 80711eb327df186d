import { FACILITY_STATUS_COLOURS } from '@onemap/domain/values'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { CardLinks } from './CardLinks.tsx'
import { type Facility, facilityName, type StatusChange } from './facility-model.ts'
import { PublicPhotos } from './PublicPhotos.tsx'
import { facilityLateness, latenessWords } from './goal-model.ts'
import { formatDay } from './Headline.tsx'
import { SampleBadge } from './SampleBadge.tsx'

interface Props {
  id: string
  facility: Facility | undefined
  history: readonly StatusChange[]
  loading: boolean
  notFound: boolean
  isSample: boolean
  /** The zone's date and the programme deadline (progress.summary), for the lateness sentence. */
  today: string | undefined
  deadline: string | undefined
}

const FINISHED = ['completed', 'in_service']

/** Why a date is shown as "—", one line each (the card never shows a wall of 未定). */
function unknownReasons(f: Facility): string[] {
  const reasons: string[] = []
  if (!f.planned_start || !f.planned_finish)
    reasons.push(f.in_programme ? 'card.reasonNoPlan' : 'card.reasonNotProgramme')
  if (!f.actual_start && (f.status === 'planned' || (f.status === 'suspended' && f.suspended_from === 'planned')))
    reasons.push('card.reasonNotStarted')
  else if (!f.actual_start) reasons.push('card.reasonStartUnrecorded')
  if (!f.actual_finish && !FINISHED.includes(f.status)) reasons.push('card.reasonNotFinished')
  else if (!f.actual_finish) reasons.push('card.reasonFinishUnrecorded')
  return reasons
}

/** The card of one facility; its heading takes focus when it opens so screen readers announce it. */
export function FacilityCard({ id, facility, history, loading, notFound, isSample, today, deadline }: Props) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (facility) heading.current?.focus()
  }, [facility?.id])

  if (notFound || (!facility && !loading)) {
    return (
      <section className="card sheet" aria-labelledby="card-title">
        <h2 id="card-title" ref={heading} tabIndex={-1}>
          {t('card.notFound', { id })}
        </h2>
        <Link href="/">{t('card.close')}</Link>
      </section>
    )
  }
  if (!facility)
    return (
      <section className="card sheet" aria-busy="true">
        <p>{t('card.loading')}</p>
      </section>
    )

  const day = (d: string | null) => (d ? formatDay(d, lang, 'medium') : '—')
  const finished = FINISHED.includes(facility.status)
  const currentFinish = facility.revised_finish ?? facility.planned_finish
  const late = today && deadline ? latenessWords(facilityLateness(facility, today, deadline)) : null
  const capacity =
    facility.capacity && facility.capacity_unit
      ? t(`capacity.${facility.capacity_unit}`, { count: facility.capacity })
      : null
  const name = facilityName(facility, lang)
  return (
    <section className="card sheet" aria-labelledby="card-title" data-testid="facility-card">
      <div className="card-head">
        <h2 id="card-title" ref={heading} tabIndex={-1}>
          {name}
        </h2>
        <Link href="/" className="card-close" aria-label={t('card.close')}>
          ×
        </Link>
      </div>
      <p className="card-tags">
        <span className={facility.in_programme ? 'badge badge-programme' : 'badge'} data-testid="programme-badge">
          {facility.in_programme ? t('card.inProgramme') : t('card.notInProgramme')}
        </span>
        <span>{t(`kind.${facility.kind}`)}</span>
        {capacity && <span>{capacity}</span>}
      </p>
      {isSample && <SampleBadge />}
      <p className="status-line">
        <span
          className="status-dot"
          style={{ background: FACILITY_STATUS_COLOURS[facility.status] }}
          aria-hidden="true"
        />
        <strong>{t(`status.${facility.status}`)}</strong>
        {late && (
          <span className={late.days > 0 ? 'late late-yes' : 'late'} data-testid="lateness">
            {t(late.key, { count: late.days })}
          </span>
        )}
      </p>
      <table className="dates">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('card.baseline')}</th>
            <th scope="col">{t('card.actual')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('card.start')}</th>
            <td data-testid="planned-start">{day(facility.planned_start)}</td>
            <td data-testid="actual-start">{day(facility.actual_start)}</td>
          </tr>
          <tr>
            <th scope="row">{t('card.finish')}</th>
            <td data-testid="planned-finish">{day(facility.planned_finish)}</td>
            <td data-testid="actual-finish">{day(facility.actual_finish)}</td>
          </tr>
        </tbody>
      </table>
      {(facility.revised_start || facility.revised_finish) && (
        // A revised plan (调整计划) is shown beside the 2020 baseline, never in its place.
        <p className="current-plan" data-testid="revised-plan">
          {t('card.revisedPlan', {
            start: day(facility.revised_start ?? null),
            finish: day(facility.revised_finish ?? null),
          })}
        </p>
      )}
      {!finished && currentFinish && (
        // The current plan: the revised finish when one is recorded, else the baseline.
        <p className="current-plan" data-testid="expected-completion">
          {t('card.expectedCompletion')}: {day(currentFinish)}
          {today && currentFinish < today && <span className="late"> {t('card.planPassed')}</span>}
        </p>
      )}
      <ul className="unknown-reasons">
        {unknownReasons(facility).map((key) => (
          <li key={key}>— {t(key)}</li>
        ))}
      </ul>
      <PublicPhotos entity="facility" id={facility.id} />
      <h3>{t('card.history')}</h3>
      {history.length ? (
        <ol className="history">
          {history.map((h, i) => (
            <li key={`${h.happened_on}-${i}`}>
              {h.from_status
                ? t('card.historyEntry', {
                    date: day(h.happened_on),
                    from: t(`status.${h.from_status}`),
                    to: t(`status.${h.to_status}`),
                  })
                : t('card.historyFirst', { date: day(h.happened_on), to: t(`status.${h.to_status}`) })}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('card.noHistory')}</p>
      )}
      <CardLinks
        path={`/facility/${encodeURIComponent(facility.id)}`}
        feedPath={`/feeds/facility/${encodeURIComponent(facility.id)}.atom`}
        feedTitle={t('card.feedTitle', { name })}
      />
    </section>
  )
}
