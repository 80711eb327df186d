import { FACILITY_KINDS } from '@onemap/domain/statuses'
import { useTranslation } from 'react-i18next'
import { km, percent, renewalShares, type Summary } from './wall-figures.ts'

function Tile({
  id,
  label,
  big,
  value,
  children,
}: {
  id: string
  label: string
  big: string
  value: string
  children?: React.ReactNode
}) {
  return (
    <section className="wall-tile" data-testid={`kpi-${id}`}>
      <h2>{label}</h2>
      <p className="wall-tile-big">{big}</p>
      <p className="wall-tile-value">{value}</p>
      {children}
    </section>
  )
}

const pct = (p: number | null) => (p === null ? '—' : `${p}%`)

/** The four headline figures: roads, facilities (by kind), the deadline, the renewal zone. */
export function KpiTiles({ summary }: { summary: Summary | undefined }) {
  const { t } = useTranslation()
  if (!summary) return <div className="wall-tiles" aria-busy="true" />
  const roads = { done: summary.roads.completedM, total: summary.roads.plannedM }
  // Every programme segment has exactly one schedule state, so the states add up to the segments the roads scene draws.
  const segments = Object.values(summary.roads.states).reduce((a, b) => a + b, 0)
  const facilities = { done: summary.facilities.started, total: summary.facilities.planned }
  const days = summary.programme.daysToDeadline
  const renewal = renewalShares(summary)
  return (
    <div className="wall-tiles">
      <Tile
        id="roads"
        label={t('wall.kpi.roads')}
        big={pct(percent(roads))}
        value={t('wall.kpi.roadsValue', { built: km(roads.done), planned: km(roads.total) })}
      >
        <p className="wall-tile-value" data-testid="kpi-road-segments" data-count={segments}>
          {t('wall.kpi.roadSegments', { count: segments, built: summary.roads.states.done })}
        </p>
      </Tile>
      <Tile
        id="facilities"
        label={t('wall.kpi.facilities')}
        big={pct(percent(facilities))}
        value={t('wall.kpi.facilitiesValue', { started: facilities.done, planned: facilities.total })}
      >
        <ul className="wall-kinds">
          {FACILITY_KINDS.filter((k) => summary.facilities.byKind[k].planned > 0).map((k) => (
            <li key={k}>
              <span>{t(`kind.${k}`)}</span>
              <b>
                {summary.facilities.byKind[k].started}/{summary.facilities.byKind[k].planned}
              </b>
            </li>
          ))}
        </ul>
      </Tile>
      <Tile
        id="deadline"
        label={days >= 0 ? t('wall.kpi.deadline') : t('wall.kpi.deadlinePassed')}
        big={t('wall.kpi.days', { days: Math.abs(days) })}
        value={t('wall.kpi.deadlineDate', { date: summary.programme.deadline })}
      />
      <Tile
        id="renewal"
        label={t('wall.kpi.renewal')}
        big={`${pct(percent(renewal.roads))} · ${pct(percent(renewal.facilities))}`}
        value={`${t('wall.bars.roads')} · ${t('wall.bars.facilities')} — ${t('wall.kpi.renewalValue', { units: renewal.units })}`}
      />
    </div>
  )
}
