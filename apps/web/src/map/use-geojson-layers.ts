import type { GeoJSONSource, LayerSpecification } from 'maplibre-gl'
import { useEffect } from 'react'
import { useMap } from './map-context.ts'

/** The first label layer of the basemap: mode layers go beneath it so names stay readable. */
const BELOW_LABELS = 'river-label'

type ModeLayer = Omit<LayerSpecification, 'source'> & { type: 'fill' | 'line' | 'circle' | 'symbol' }

/**
 * Adds a GeoJSON source and its layers to the shared map while the calling component is mounted,
 * and keeps the source's data current. Layer ids are fixed by the caller; unmounting removes them,
 * so a mode leaves the map as it found it.
 */
export function useGeoJsonLayers(
  sourceId: string,
  data: GeoJSON.FeatureCollection | undefined,
  layers: readonly ModeLayer[],
  /** Above everything, labels included (a marker that must never hide under lines), instead of below the labels. */
  onTop = false,
) {
  const map = useMap()

  useEffect(() => {
    if (!map) return
    map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
    const before = !onTop && map.getLayer(BELOW_LABELS) ? BELOW_LABELS : undefined
    for (const layer of layers) map.addLayer({ ...layer, source: sourceId } as LayerSpecification, before)
    return () => {
      // The map may already be gone when the whole shell unmounts.
      if (!map.getStyle()) return
      for (const layer of layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id)
      if (map.getSource(sourceId)) map.removeSource(sourceId)
    }
    // Layers are static per call site (fixed ids); only the map's arrival re-runs this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, sourceId])

  useEffect(() => {
    if (!map || !data) return
    // `data-drawn-<source>` on the map's container says the map shows this data: set on the first 'idle'
    // after it, which MapLibre fires only once every source has loaded and drawn. Browser tests wait for it.
    const container = map.getContainer()
    const attribute = `data-drawn-${sourceId}`
    container.removeAttribute(attribute)
    map.getSource<GeoJSONSource>(sourceId)?.setData(data)
    const drawn = () => container.setAttribute(attribute, String(data.features.length))
    map.once('idle', drawn)
    return () => {
      map.off('idle', drawn)
    }
  }, [map, sourceId, data])
}
