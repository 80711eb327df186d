import { FACILITY_STATUSES } from '@onemap/domain/statuses'
import { useTranslation } from 'react-i18next'
import { MapOverlay } from '../../map/MapOverlay.tsx'
import { FACILITY_STATUS_COLOURS, SEGMENT_STATUS_COLOURS } from './plan-layers.ts'

/** The workbench legend, always on the map whatever tab is open: segment and facility statuses. */
export function PlanLegend() {
  const { t } = useTranslation()
  return (
    <MapOverlay>
      <details className="legend plan-map-legend" open data-testid="plan-legend">
        <summary>{t('plan.layers.legend')}</summary>
        <ul aria-label={t('plan.layers.segments')}>
          {Object.entries(SEGMENT_STATUS_COLOURS).map(([status, colour]) => (
            <li key={status}>
              <span
                className="swatch swatch-line"
                style={{ background: colour, height: status === 'completed' ? 2 : 5, outline: status === 'planned' ? '1px solid #334155' : undefined }}
                aria-hidden="true"
              />
              {t(`roadStatus.${status}`)}
            </li>
          ))}
        </ul>
        <ul aria-label={t('plan.layers.facilities')}>
          {FACILITY_STATUSES.map((status) => (
            <li key={status}>
              <span className="swatch swatch-dot" style={{ background: FACILITY_STATUS_COLOURS[status] }} aria-hidden="true" />
              {t('plan.time.facility', { status: t(`status.${status}`) })}
            </li>
          ))}
        </ul>
      </details>
    </MapOverlay>
  )
}
