import { ROAD_SEGMENT_STATUS_COLOURS } from '@onemap/domain/values'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { PublicPhotos } from './PublicPhotos.tsx'
import { CardLinks } from './CardLinks.tsx'
import { latenessWords, segmentLateness } from './goal-model.ts'
import { formatDay } from './Headline.tsx'
import { useSegmentHistories } from './public-data.ts'
import { type Road, roadName } from './road-model.ts'

/**
 * The card of one road: km built of km planned, its segments with their status and dates, and the
 * status history of all of them. Reached by /road/:id (a road id; an old segment permalink opens its road).
 */
export function RoadCard({
  id,
  road,
  loading,
  today,
  deadline,
}: {
  id: string
  road: Road | undefined
  loading: boolean
  today: string | undefined
  deadline: string | undefined
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const heading = useRef<HTMLHeadingElement>(null)
  const history = useSegmentHistories(road?.segments.map((s) => s.id) ?? [])
  useEffect(() => {
    if (road) heading.current?.focus()
  }, [road?.id])

  if (loading)
    return (
      <section className="card sheet" aria-busy="true">
        <p>{t('card.loading')}</p>
      </section>
    )
  if (!road) {
    return (
      <section className="card sheet" aria-labelledby="road-title">
        <h2 id="road-title" ref={heading} tabIndex={-1}>
          {t('road.notFound', { id })}
        </h2>
        <Link href="/">{t('card.close')}</Link>
      </section>
    )
  }
  const numbers = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 })
  const km = (m: number) => numbers.format(m / 1000)
  const day = (d: string | null) => (d ? formatDay(d, lang, 'medium') : '—')
  const inProgramme = road.programmeM > 0
  const name = roadName(road, lang)
  const ratio = road.lengthM > 0 ? road.builtM / road.lengthM : 0
  return (
    <section className="card sheet" aria-labelledby="road-title" data-testid="road-card">
      <div className="card-head">
        <h2 id="road-title" ref={heading} tabIndex={-1}>
          {name}
        </h2>
        <Link href="/" className="card-close" aria-label={t('card.close')}>
          ×
        </Link>
      </div>
      <p className="card-tags">
        <span className={inProgramme ? 'badge badge-programme' : 'badge'} data-testid="programme-badge">
          {inProgramme ? t('card.inProgramme') : t('card.notInProgramme')}
        </span>
        <span>{t(`roadClass.${road.class}`)}</span>
      </p>
      <p className="headline-figure" data-testid="road-built">
        {t('road.built', { built: km(road.builtM), planned: km(road.lengthM) })}
      </p>
      <div
        className="goal-bar"
        role="progressbar"
        aria-label={t('road.builtBar')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(ratio * 100)}
      >
        <span style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
      <h3>{t('road.segments', { count: road.segments.length })}</h3>
      <ol className="segments">
        {road.segments.map((s) => {
          const late = today && deadline ? latenessWords(segmentLateness(s, today, deadline)) : null
          return (
            <li key={s.id} data-segment-id={s.id}>
              <span
                className="status-dot"
                style={{ background: ROAD_SEGMENT_STATUS_COLOURS[s.status] }}
                aria-hidden="true"
              />
              <strong>{t(`roadStatus.${s.status}`)}</strong> · {t('road.lengthValue', { km: km(s.length_m) })}
              {s.in_programme ? '' : ` · ${t('card.notInProgramme')}`}
              <br />
              <span className="segment-dates">
                {t('road.segmentDates', {
                  start: day(s.planned_start),
                  finish: day(s.planned_finish),
                  actual: day(s.actual_finish),
                })}
              </span>
              {late && late.days > 0 && <span className="late late-yes"> {t(late.key, { count: late.days })}</span>}
            </li>
          )
        })}
      </ol>
      {road.segments.some((s) => !s.planned_start || !s.planned_finish || !s.actual_finish) && (
        <p className="unknown-reasons">— {t('road.unknownDates')}</p>
      )}
      <h3>{t('card.history')}</h3>
      {history.length ? (
        <ol className="history">
          {history.map((h, i) => (
            <li key={`${h.segment}-${h.happened_on}-${i}`}>
              {h.from
                ? t('road.historyEntry', {
                    date: day(h.happened_on),
                    segment: h.segment,
                    from: t(`roadStatus.${h.from}`),
                    to: t(`roadStatus.${h.to}`),
                  })
                : t('road.historyFirst', { date: day(h.happened_on), segment: h.segment, to: t(`roadStatus.${h.to}`) })}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('card.noHistory')}</p>
      )}
      <PublicPhotos entity="road" id={road.id} />
      <CardLinks
        path={`/road/${encodeURIComponent(road.id)}`}
        feedPath={`/feeds/road/${encodeURIComponent(road.id)}.atom`}
        feedTitle={t('card.feedTitle', { name })}
      />
    </section>
  )
}
