import { useTranslation } from 'react-i18next'
import { useMap } from './map-context.ts'

/** Zoom buttons of our own, so their labels follow the page language like every other string. */
export function ZoomButtons() {
  const map = useMap()
  const { t } = useTranslation()
  if (!map) return null
  return (
    <div className="zoom-buttons">
      <button type="button" aria-label={t('map.zoomIn')} title={t('map.zoomIn')} onClick={() => map.zoomIn()}>
        +
      </button>
      <button type="button" aria-label={t('map.zoomOut')} title={t('map.zoomOut')} onClick={() => map.zoomOut()}>
        −
      </button>
    </div>
  )
}
