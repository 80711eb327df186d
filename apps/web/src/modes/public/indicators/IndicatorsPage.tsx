import './indicators-page.css'
import { useTranslation } from 'react-i18next'
import {
  byCategory,
  DIRECTION_SIGN,
  formatNumber,
  type IndicatorRow,
  type MilestoneRow,
  showsSample,
  trendValues,
  withUnit,
} from '../../../indicators/indicator-format.ts'
import { Sparkline } from '../../../indicators/Sparkline.tsx'
import { useIndicators } from '../../../indicators/use-indicators.ts'

/**
 * The public indicators page (/indicators): every target of the 2020 work report with its latest
 * value, as-of period, status, a small trend, its definition and source, in Chinese or English;
 * the milestones; links to the same data as CSV and JSON. Loaded only when the page is opened.
 */
export default function IndicatorsPage() {
  const { t, i18n } = useTranslation()
  const { data, isError } = useIndicators({ live: false })
  const language = i18n.language
  return (
    <article className="indicators-page" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('indicators.pageTitle')}</h2>
      <p>{t('indicators.intro')}</p>
      {data && data.indicators.some(showsSample) && (
        <p className="sample-badge" role="note">
          {t('indicators.sample')}
        </p>
      )}
      <p className="indicators-downloads">
        <a href="/data/indicators.csv" download>
          {t('indicators.download')}
        </a>
        {' · '}
        <a href="/data/indicators.json">{t('indicators.downloadJson')}</a>
      </p>
      {isError && <p role="alert">{t('headline.unavailable')}</p>}
      {!data && !isError && <p aria-busy="true">{t('map.loading')}</p>}
      {data &&
        byCategory(data.indicators).map((group) => (
          <section key={group.category} className="indicator-group" aria-labelledby={`cat-${group.category}`}>
            <h3 id={`cat-${group.category}`}>{t(`indicators.category.${group.category}`)}</h3>
            <ul className="indicator-list">
              {group.rows.map((row) => (
                <IndicatorItem key={row.id} row={row} language={language} />
              ))}
            </ul>
          </section>
        ))}
      {data && (
        <section className="indicator-group" aria-labelledby="milestones-title">
          <h3 id="milestones-title">{t('indicators.milestones')}</h3>
          <ul className="indicator-list">
            {data.milestones.map((m) => (
              <MilestoneItem key={m.id} m={m} language={language} />
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}

function IndicatorItem({ row, language }: { row: IndicatorRow; language: string }) {
  const { t } = useTranslation()
  const name = language === 'zh' ? row.name_zh : row.name_en
  const trend = trendValues(row)
  return (
    <li className="indicator-item" data-status={row.status} data-testid={`indicator-${row.id}`}>
      <div className="indicator-head">
        <h4>{name}</h4>
        <span className="indicator-status">{t(`indicators.status.${row.status}`)}</span>
      </div>
      <div className="indicator-figures">
        <p>
          <b>{row.latest ? withUnit(row.latest.value, row.unit, language) : t('indicators.noData')}</b>
          {row.latestIsSample && <span className="indicator-sample"> ({t('indicators.sampleValue')})</span>}
          <br />
          <span className="indicator-muted">
            {row.asOf ? t('indicators.asOf', { period: row.asOf }) : t('indicators.noData')} ·{' '}
            {t('indicators.target', {
              direction: DIRECTION_SIGN[row.direction],
              value: formatNumber(row.target.value, language),
              unit: row.unit,
              year: row.target.year,
            })}
          </span>
        </p>
        {trend.length > 0 && (
          <Sparkline
            className="indicator-spark"
            values={trend}
            target={row.pace === 'ytd' ? undefined : row.target.value}
            width={88}
            height={36}
            label={t('indicators.trendLabel', { name, points: trend.join(', ') })}
          />
        )}
      </div>
      <dl className="indicator-about">
        <dt>{t('indicators.definition')}</dt>
        <dd>
          {language === 'zh' ? row.definition_zh : row.definition_en}{' '}
          {t('indicators.rule', {
            pace: t(`indicators.pace.${row.pace}`),
            cadence: t(`indicators.cadence.${row.cadence}`),
          })}
        </dd>
        <dt>{t('indicators.source')}</dt>
        <dd>{row.source}</dd>
      </dl>
    </li>
  )
}

function MilestoneItem({ m, language }: { m: MilestoneRow; language: string }) {
  const { t } = useTranslation()
  return (
    <li className="indicator-item" data-status={m.status} data-testid={`milestone-${m.id}`}>
      <div className="indicator-head">
        <h4>{language === 'zh' ? m.name_zh : m.name_en}</h4>
        <span className="indicator-status">{t(`indicators.milestone.${m.status}`)}</span>
      </div>
      <p className="indicator-muted">
        {t('indicators.due', { date: m.dueOn })}
        {m.doneOn && ` · ${t('indicators.doneOn', { date: m.doneOn })}`}
        {m.evidence && ` · ${t('indicators.evidence', { evidence: m.evidence })}`}
      </p>
      <dl className="indicator-about">
        <dt>{t('indicators.definition')}</dt>
        <dd>{language === 'zh' ? m.definition_zh : m.definition_en}</dd>
        <dt>{t('indicators.source')}</dt>
        <dd>{m.source}</dd>
      </dl>
    </li>
  )
}
