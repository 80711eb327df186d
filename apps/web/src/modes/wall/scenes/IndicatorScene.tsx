import './indicators.css'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
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

/** The wall re-reads on every live change; the poll is the safety net for a silent stream. */
const POLL_MS = 30_000
/** Matches `column-gap` in indicators.css. */
const COLUMN_GAP_PX = 10

/**
 * The wall scene 城市数据一块屏 (/wall?scenes=indicators): every work-report indicator as a tile,
 * grouped by category, with its latest value against its target, the as-of period, a small trend
 * and its status as colour and word; the milestones below. Text is at least 20 px on the 1920×1080
 * stage. Sample values say so on the tile and in the scene's heading.
 */
export function IndicatorScene({ dwellS }: { dwellS: number }) {
  const { t, i18n } = useTranslation()
  const { data } = useIndicators({ live: true, pollMs: POLL_MS })
  const columns = useRef<HTMLDivElement>(null)
  const { page, pages } = useColumnPages(columns, dwellS, [data, i18n.language])
  if (!data) return <section className="wall-indicators" data-testid="indicator-scene" aria-busy="true" />
  const anySample = data.indicators.some(showsSample)
  return (
    <section className="wall-indicators" data-testid="indicator-scene" data-page={page} data-pages={pages}>
      {anySample && <p className="wall-ind-sample">{t('indicators.sample')}</p>}
      {pages > 1 && <p className="wall-ind-page">{`${page + 1} / ${pages}`}</p>}
      <div
        className="wall-ind-columns"
        ref={columns}
        style={{ transform: `translateX(calc(${-page} * (100% + ${COLUMN_GAP_PX}px)))` }}
      >
        {byCategory(data.indicators).map((group) => (
          <section key={group.category} className="wall-ind-group">
            <h2>{t(`indicators.category.${group.category}`)}</h2>
            {group.rows.map((row) => (
              <IndicatorTile key={row.id} row={row} language={i18n.language} />
            ))}
          </section>
        ))}
        <section className="wall-ind-group wall-ind-milestones">
          <h2>{t('indicators.milestones')}</h2>
          <ul>
            {data.milestones.map((m) => (
              <MilestoneLine key={m.id} m={m} language={i18n.language} />
            ))}
          </ul>
        </section>
      </div>
    </section>
  )
}

function IndicatorTile({ row, language }: { row: IndicatorRow; language: string }) {
  const { t } = useTranslation()
  const name = language === 'zh' ? row.name_zh : row.name_en
  return (
    <article
      className="wall-ind-tile"
      data-status={row.status}
      data-testid={`indicator-${row.id}`}
      data-value={row.latest?.value ?? ''}
    >
      <div className="wall-ind-line">
        <h3>{name}</h3>
        <span className="wall-ind-status">{t(`indicators.status.${row.status}`)}</span>
      </div>
      <div className="wall-ind-line">
        <p className="wall-ind-value">
          {row.latest ? <b>{withUnit(row.latest.value, row.unit, language)}</b> : <b>{t('indicators.noData')}</b>}
          <span>
            {' / '}
            {DIRECTION_SIGN[row.direction]}
            {formatNumber(row.target.value, language)}
            {row.unit === '%' ? '%' : ''}
          </span>
        </p>
        <Sparkline
          className="wall-ind-spark"
          values={trendValues(row)}
          target={row.pace === 'ytd' ? undefined : row.target.value}
          width={84}
          height={28}
        />
      </div>
      <p className="wall-ind-asof">
        {row.asOf ? t('indicators.asOf', { period: row.asOf }) : t('indicators.noData')} ·{' '}
        {t('indicators.targetYear', { year: row.target.year })}
        {row.latestIsSample && <span className="wall-ind-sample-tag">{t('indicators.sampleValue')}</span>}
      </p>
    </article>
  )
}

function MilestoneLine({ m, language }: { m: MilestoneRow; language: string }) {
  const { t } = useTranslation()
  return (
    <li data-status={m.status} data-testid={`milestone-${m.id}`}>
      <span>{language === 'zh' ? m.name_zh : m.name_en}</span>
      <b>
        {t(`indicators.milestone.${m.status}`)} ·{' '}
        {m.doneOn ? t('indicators.doneOn', { date: m.doneOn }) : t('indicators.due', { date: m.dueOn })}
      </b>
    </li>
  )
}

/**
 * How many pages of five columns the board needs (overflowing columns sit to the right), and which
 * one to show: each page stays `dwellS / pages` seconds, so one scene dwell shows every page once.
 */
function useColumnPages(ref: React.RefObject<HTMLDivElement | null>, dwellS: number, deps: unknown[]) {
  const [pages, setPages] = useState(1)
  const [page, setPage] = useState(0)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    // scrollWidth ends at the last overflow column's content, not at a whole page: round up.
    const measure = () => setPages(Math.max(1, Math.ceil((el.scrollWidth - 2) / (el.clientWidth + COLUMN_GAP_PX))))
    measure()
    // Web fonts reflow the columns without resizing the board, but every tile they reflow changes size:
    // measure again when the board or any tile, heading or milestone line does (new data re-runs this).
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    for (const part of el.querySelectorAll('h2, article, li')) observer.observe(part)
    return () => observer.disconnect()
  }, deps)
  useEffect(() => {
    setPage(0)
    if (pages < 2) return
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), (dwellS * 1000) / pages)
    return () => clearInterval(timer)
  }, [pages, dwellS])
  return { page: Math.min(page, pages - 1), pages }
}
