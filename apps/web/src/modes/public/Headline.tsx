import { useTranslation } from 'react-i18next'

/** The two goal figures and the data's as-of time, as the progress API reports them. */
export interface HeadlineFigures {
  facilitiesStarted: number
  facilitiesPlanned: number
  roadsBuiltKm: number
  roadsPlannedKm: number
  /** ISO timestamp of the newest data. */
  asOf: string
}

/** Formats an instant in China Standard Time, the zone the data describes, in the page language. */
export function formatAsOf(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso))
}

export function Headline({ figures, failed }: { figures: HeadlineFigures | undefined; failed: boolean }) {
  const { t, i18n } = useTranslation()
  const numbers = new Intl.NumberFormat(i18n.language === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 })
  return (
    <section className="headline" aria-labelledby="headline-title" aria-live="polite">
      <h2 id="headline-title" className="visually-hidden">
        {t('headline.label')}
      </h2>
      {figures ? (
        <>
          <p className="headline-figure" data-testid="headline-facilities">
            {t('headline.facilities', {
              started: figures.facilitiesStarted,
              planned: figures.facilitiesPlanned,
              percent: figures.facilitiesPlanned ? Math.round((100 * figures.facilitiesStarted) / figures.facilitiesPlanned) : 0,
            })}
          </p>
          <p className="headline-figure" data-testid="headline-roads">
            {t('headline.roads', { built: numbers.format(figures.roadsBuiltKm), planned: numbers.format(figures.roadsPlannedKm) })}
          </p>
          <p className="as-of">{t('headline.asOf', { time: formatAsOf(figures.asOf, i18n.language) })}</p>
        </>
      ) : (
        <p>{failed ? t('headline.unavailable') : t('headline.loading')}</p>
      )}
    </section>
  )
}
