import {
  FACILITY_KINDS,
  FACILITY_STATUS_COLOURS,
  FACILITY_STATUSES,
  ROAD_SEGMENT_STATUS_COLOURS,
  ROAD_SEGMENT_STATUSES,
} from '@onemap/domain/values'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BASEMAP_COLOURS } from '../../map/basemap-style.ts'
import { legendIcon } from './facility-icons.ts'
import { NEAR_COLOUR, RENEWAL_COLOUR } from './public-layers.ts'

/**
 * Map legend: facility status (marker colour) and kind (pictogram), road status, the renewal zone and
 * rivers, and while "near me" is on, the reader's position and the circle around it. A disclosure, open on wide screens and closed on a phone; opened on a phone it stays within
 * a corner of the map (CSS caps its height) and scrolls.
 */
export function Legend({ nearKm = null }: { nearKm?: number | null }) {
  const { t } = useTranslation()
  const [wide] = useState(() => matchMedia('(min-width: 600px)').matches)
  const icons = useMemo(() => Object.fromEntries(FACILITY_KINDS.map((k) => [k, legendIcon(k)])), [])
  return (
    <details className="legend" open={wide} data-testid="legend">
      <summary>{t('map.legend')}</summary>
      <div className="legend-body">
        <h3>{t('legend.facilityStatus')}</h3>
        <ul>
          {FACILITY_STATUSES.map((s) => (
            <li key={s}>
              <span
                className="swatch swatch-dot"
                style={{ background: FACILITY_STATUS_COLOURS[s] }}
                aria-hidden="true"
              />
              {t(`status.${s}`)}
            </li>
          ))}
        </ul>
        <h3>{t('legend.facilityKind')}</h3>
        <ul>
          {FACILITY_KINDS.map((k) => (
            <li key={k}>
              <img className="swatch swatch-icon" src={icons[k]} alt="" />
              {t(`kind.${k}`)}
            </li>
          ))}
        </ul>
        <h3>{t('legend.roadStatus')}</h3>
        <ul>
          {ROAD_SEGMENT_STATUSES.map((s) => (
            <li key={s}>
              <span
                className="swatch swatch-line"
                style={{ background: ROAD_SEGMENT_STATUS_COLOURS[s] }}
                aria-hidden="true"
              />
              {t(`roadStatus.${s}`)}
            </li>
          ))}
          <li>
            <span className="swatch swatch-area" style={{ borderColor: RENEWAL_COLOUR }} aria-hidden="true" />
            {t('map.renewalZone')}
          </li>
          <li>
            <span className="swatch swatch-line" style={{ background: BASEMAP_COLOURS.river }} aria-hidden="true" />
            {t('map.river')}
          </li>
        </ul>
        {nearKm !== null && (
          <>
            <h3>{t('near.legend')}</h3>
            <ul data-testid="legend-near">
              <li>
                <span className="swatch swatch-dot" style={{ background: NEAR_COLOUR }} aria-hidden="true" />
                {t('near.reader')}
              </li>
              <li>
                <span
                  className="swatch swatch-area swatch-round"
                  style={{ borderColor: NEAR_COLOUR }}
                  aria-hidden="true"
                />
                {t('near.radius', { km: nearKm })}
              </li>
            </ul>
          </>
        )}
      </div>
    </details>
  )
}
