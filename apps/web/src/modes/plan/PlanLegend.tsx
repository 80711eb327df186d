import { FACILITY_STATUS_COLOURS, FACILITY_STATUSES, ROAD_SEGMENT_STATUS_COLOURS } from '@onemap/domain/values'
import { useTranslation } from 'react-i18next'
import { MapOverlay } from '../../map/MapOverlay.tsx'
import { CARD_COLOURS } from './plan-layers.ts'

/** The workbench legend, always on the map whatever tab is open: segment statuses, 红黄牌 halos, facility statuses. */
export function PlanLegend() {
  const { t } = useTranslation()
  return (
    <MapOverlay>
      <details className="legend plan-map-legend" open data-testid="plan-legend">
        <summary>{t('plan.layers.legend')}</summary>
        <ul aria-label={t('plan.layers.segments')}>
          {Object.entries(ROAD_SEGMENT_STATUS_COLOURS).map(([status, colour]) => (
            <li key={status}>
              <span
                className="swatch swatch-line"
                style={{
                  background: colour,
                  height: status === 'completed' ? 2 : 5,
                  outline: status === 'planned' ? '1px solid #334155' : undefined,
                }}
                aria-hidden="true"
              />
              {t(`roadStatus.${status}`)}
            </li>
          ))}
        </ul>
        <ul aria-label={t('duban.cards.title')}>
          {(['red', 'yellow'] as const).map((card) => (
            <li key={card}>
              <span
                className="swatch swatch-line"
                style={{ background: CARD_COLOURS[card], height: 9, opacity: 0.45, filter: 'blur(1px)' }}
                aria-hidden="true"
              />
              {t(`duban.cards.${card}`)}
            </li>
          ))}
        </ul>
        <ul aria-label={t('plan.layers.facilities')}>
          {FACILITY_STATUSES.map((status) => (
            <li key={status}>
              <span
                className="swatch swatch-dot"
                style={{ background: FACILITY_STATUS_COLOURS[status] }}
                aria-hidden="true"
              />
              {t('plan.time.facility', { status: t(`status.${status}`) })}
            </li>
          ))}
        </ul>
      </details>
    </MapOverlay>
  )
}
