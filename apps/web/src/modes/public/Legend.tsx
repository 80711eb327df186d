import { FACILITY_STATUSES } from '@onemap/domain/values'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BASEMAP_COLOURS } from '../../map/basemap-style.ts'
import { FACILITY_STATUS_COLOURS } from './facility-model.ts'
import { RENEWAL_COLOUR } from './public-layers.ts'

/**
 * Map legend: facility statuses, the renewal zone, rivers and roads. A disclosure, open on wide
 * screens and closed on a phone where it would cover half of the small map.
 */
export function Legend() {
  const { t } = useTranslation()
  const [wide] = useState(() => matchMedia('(min-width: 600px)').matches)
  return (
    <details className="legend" open={wide}>
      <summary>{t('map.legend')}</summary>
      <ul>
        {FACILITY_STATUSES.map((s) => (
          <li key={s}>
            <span className="swatch swatch-dot" style={{ background: FACILITY_STATUS_COLOURS[s] }} aria-hidden="true" />
            {t(`status.${s}`)}
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
        <li>
          <span className="swatch swatch-line" style={{ background: BASEMAP_COLOURS.road }} aria-hidden="true" />
          {t('map.road')}
        </li>
      </ul>
    </details>
  )
}
