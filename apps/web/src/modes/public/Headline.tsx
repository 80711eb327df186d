import { useTranslation } from 'react-i18next'
import type { ProgrammeSummary } from './public-data.ts'

/** Formats an instant in China Standard Time, the zone the data describes, in the page language. */
export function formatAsOf(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso))
}

/** A calendar date (YYYY-MM-DD) in words in the page language: 2023年8月2日 / 2 August 2023. */
export function formatDay(day: string, language: string, style: 'long' | 'medium' = 'long'): string {
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  )
}

/** Which list the headline's "what remains" buttons open. */
export type RemainingList = 'facilities' | 'roads'

function Bar({ ratio, label, testId }: { ratio: number; label: string; testId: string }) {
  const percent = Math.round(ratio * 100)
  return (
    <div
      className="goal-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid={testId}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  )
}

/**
 * The promise of 2020 in words, its deadline and how far past it we are, a bar per goal and what is
 * left to do, each remainder a button that opens its list. Figures are progress.summary's.
 */
export function Headline({
  summary,
  failed,
  others,
  onShowRemaining,
}: {
  summary: ProgrammeSummary | undefined
  failed: boolean
  /** Facilities outside the programme (built before it): shown on the map and list, not counted. */
  others: number
  onShowRemaining: (list: RemainingList) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  if (!summary) {
    return (
      <section className="headline" aria-labelledby="headline-title">
        <h2 id="headline-title">{t('goal.title')}</h2>
        <p>{failed ? t('headline.unavailable') : t('headline.loading')}</p>
      </section>
    )
  }
  const numbers = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 })
  const { programme, facilities, roads } = summary
  const km = (m: number) => numbers.format(m / 1000)
  const days = programme.daysToDeadline
  const notStarted = facilities.planned - facilities.started
  const unbuiltM = roads.plannedM - roads.completedM
  const facilityRatio = facilities.ratio ?? 0
  const roadRatio = roads.ratio ?? 0
  return (
    <section className="headline" aria-labelledby="headline-title">
      <h2 id="headline-title">{t('goal.title')}</h2>
      <p className="goal-promise" data-testid="goal-promise">
        {t('goal.promise', { start: formatDay(programme.windowStart, lang) })}
      </p>
      <p className="goal-deadline" data-testid="goal-deadline">
        {days < 0
          ? t('goal.deadlinePassed', { deadline: formatDay(programme.deadline, lang), count: -days })
          : t('goal.deadlineAhead', { deadline: formatDay(programme.deadline, lang), count: days })}
      </p>
      <div className="goal">
        <p className="headline-figure" data-testid="headline-facilities">
          {t('headline.facilities', {
            started: facilities.started,
            planned: facilities.planned,
            percent: Math.round(facilityRatio * 100),
          })}
        </p>
        <Bar ratio={facilityRatio} label={t('goal.facilitiesBar')} testId="bar-facilities" />
        {others > 0 && <p className="goal-note">{t('goal.othersNote', { count: others })}</p>}
        {notStarted > 0 && (
          <button
            type="button"
            className="link-button remaining"
            onClick={() => onShowRemaining('facilities')}
            data-testid="remaining-facilities"
          >
            {t('goal.facilitiesLeft', { count: notStarted })}
          </button>
        )}
      </div>
      <div className="goal">
        <p className="headline-figure" data-testid="headline-roads">
          {t('headline.roads', {
            built: km(roads.completedM),
            planned: km(roads.plannedM),
            percent: Math.round(roadRatio * 100),
          })}
        </p>
        <Bar ratio={roadRatio} label={t('goal.roadsBar')} testId="bar-roads" />
        {unbuiltM > 0.5 && (
          <button
            type="button"
            className="link-button remaining"
            onClick={() => onShowRemaining('roads')}
            data-testid="remaining-roads"
          >
            {t('goal.roadsLeft', { km: km(unbuiltM) })}
          </button>
        )}
      </div>
      <p className="as-of">{t('headline.asOf', { time: formatAsOf(summary.dataChangedAt ?? summary.asOf, lang) })}</p>
    </section>
  )
}
