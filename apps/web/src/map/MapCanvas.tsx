import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { webEnv } from '../env.ts'
import type { Language } from '../i18n/setup.ts'
import type { LABEL_METADATA } from './basemap-style.ts'
import { ZONE_BOUNDS, ZONE_SURROUNDINGS } from '@onemap/domain/zone'
import { basemapStyle, labelText } from './basemap-style.ts'
import { BasemapRefused, resolveBasemap } from './online-basemaps.ts'

setWorkerUrl(workerUrl)

/** Performance mark set once, on the first idle map; the benchmark and browser tests wait for it. */
export const FIRST_IDLE_MARK = 'onemap:first-map-idle'

function onlineBasemap() {
  try {
    return resolveBasemap(webEnv.basemap)
  } catch (err) {
    if (!(err instanceof BasemapRefused)) throw err
    // Configuration error: say so loudly and keep our own basemap rather than show misplaced data.
    console.warn(`[onemap] ${err.message}; using the built-in basemap`)
    return undefined
  }
}

/**
 * The page's single map. Created once when the shell mounts and kept across every route change
 * (WebGL contexts are scarce and leak when re-created); `onReady` hands it to the modes.
 */
export function MapCanvas({ onReady }: { onReady: (map: MapLibreMap | null) => void }) {
  const container = useRef<HTMLDivElement>(null)
  const { t, i18n } = useTranslation()
  const mapRef = useRef<MapLibreMap | null>(null)

  useEffect(() => {
    if (!container.current) return
    const language = i18n.language as Language
    const map = new MapLibreMap({
      container: container.current,
      style: basemapStyle(location.origin, language, onlineBasemap()),
      bounds: ZONE_BOUNDS,
      fitBoundsOptions: { padding: 8 },
      // #zoom/lat/lon keeps the view in the URL, so a shared link shows the same place.
      hash: true,
      attributionControl: false,
      // No glyph server: CJK labels are drawn from the browser's local fonts.
      localIdeographFontFamily:
        "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif",
      maxBounds: ZONE_SURROUNDINGS,
      minZoom: 10,
      maxZoom: 19,
      dragRotate: false,
      pitchWithRotate: false,
      // MapLibre names its focusable canvas in English; name it in the page's language instead.
      locale: { 'Map.Title': t('map.canvas') },
    })
    map.touchZoomRotate.disableRotation()
    mapRef.current = map
    map.once('load', () => onReady(map))
    map.once('idle', () => performance.mark(FIRST_IDLE_MARK))
    return () => {
      onReady(null)
      mapRef.current = null
      map.remove()
    }
    // The map is created once per mount by design; language changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const apply = (lng: string) => {
      const map = mapRef.current
      map?.getCanvas().setAttribute('aria-label', i18n.getFixedT(lng)('map.canvas'))
      if (!map) return
      const container = map.getContainer()
      delete container.dataset.labelLanguage
      const relabel = () => {
        for (const layer of map.getStyle().layers) {
          if ((layer.metadata as typeof LABEL_METADATA | undefined)?.['onemap:label']) {
            map.setLayoutProperty(layer.id, 'text-field', labelText(lng as Language))
          }
        }
        // Says once the labels are drawn in `lng` (the next 'idle'), for browser tests and screenshots; the
        // repaint makes sure that idle comes even when no label changed.
        map.once('idle', () => (container.dataset.labelLanguage = lng))
        map.triggerRepaint()
      }
      // While tiles still load (e.g. flying to a facility) the style is not "loaded": relabel once it is.
      if (map.isStyleLoaded()) relabel()
      else map.once('idle', relabel)
    }
    i18n.on('languageChanged', apply)
    return () => i18n.off('languageChanged', apply)
  }, [i18n])

  return <div ref={container} className="map-canvas" role="region" aria-label={t('map.label')} />
}
