import type { Map as MapLibreMap } from 'maplibre-gl'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMap } from './map-context.ts'

/**
 * The layer our vector tiles gain when a layer's per-tile budget cut them (see docs/tiles.md and
 * TRUNCATED_LAYER in @onemap/db/queries/tiles; the web app does not import the database package).
 */
export const TRUNCATED_SOURCE_LAYER = 'onemap_truncated'

/** True when any vector tile loaded in view says its budget left features out. */
export function truncatedInView(map: MapLibreMap): boolean {
  for (const [id, source] of Object.entries(map.getStyle()?.sources ?? {})) {
    if (source.type !== 'vector' || !map.getSource(id)) continue
    if (map.querySourceFeatures(id, { sourceLayer: TRUNCATED_SOURCE_LAYER }).length > 0) return true
  }
  return false
}

/**
 * "Zoom in to see all": shown while a tile in view carries fewer features than it holds, so no
 * mode ever drops roads silently. Checked when the map settles (idle), not on every frame.
 */
export function TruncationNotice({ cut }: { cut?: boolean }) {
  const map = useMap()
  const { t } = useTranslation()
  const [tilesCut, setTilesCut] = useState(false)
  useEffect(() => {
    if (!map) return
    const check = () => setTilesCut(truncatedInView(map))
    map.on('idle', check)
    return () => {
      map.off('idle', check)
    }
  }, [map])
  if (!tilesCut && !cut) return null
  return (
    <p className="map-notice" role="status">
      {t('map.truncated')}
    </p>
  )
}
