import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import { useEffect } from 'react'

type Ring = [number, number][]

/**
 * A point inside a polygon for its label: the middle of the widest stretch of the horizontal line
 * through the middle of its bounding box (a scanline, so the point is inside even for a concave
 * outline, where a centroid may fall outside). Of a multipolygon, its largest part by box area.
 */
export function labelPoint(geometry: { type: string; coordinates: unknown }): [number, number] | null {
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : []
  ) as Ring[][]
  let best: { area: number; point: [number, number] } | null = null
  for (const rings of polygons) {
    const outer = rings[0]
    if (!outer || outer.length < 4) continue
    const xs = outer.map((p) => p[0])
    const ys = outer.map((p) => p[1])
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
    const y = (minY + maxY) / 2
    const crossings: number[] = []
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1]!, ring[i]!]
        if (a[1] <= y !== b[1] <= y) crossings.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]))
      }
    }
    crossings.sort((p, q) => p - q)
    let widest: [number, number] | null = null
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      const [l, r] = [crossings[i]!, crossings[i + 1]!]
      if (!widest || r - l > widest[1] - widest[0]) widest = [l, r]
    }
    const area = (maxX - minX) * (maxY - minY)
    if (widest && (!best || area > best.area)) best = { area, point: [(widest[0] + widest[1]) / 2, y] }
  }
  return best?.point ?? null
}

const BASEMAP_LABEL = 'sub-district-label'
export const SUB_DISTRICT_LABEL = 'plan-sub-district-label'

/**
 * One label per sub-district. The basemap labels the polygons in vector tiles, so a sub-district
 * spread over several tiles is named once per tile; while the workbench is open its label layer is
 * replaced by one point per sub-district with the same style (and the same language switching).
 */
export function useSubDistrictLabels(
  map: MapLibreMap | null,
  places: readonly { id: string; nameZh: string; nameEn: string; labelPoint: [number, number] | null }[],
) {
  useEffect(() => {
    if (!map) return
    const basemap = map.getStyle().layers.find((l) => l.id === BASEMAP_LABEL) as
      (LayerSpecification & { layout?: object; paint?: object }) | undefined
    if (!basemap) return
    map.addSource('plan-sub-district-labels', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
    const {
      source: _source,
      'source-layer': _sourceLayer,
      ...style
    } = basemap as LayerSpecification & { source: string; 'source-layer'?: string }
    map.addLayer(
      { ...style, id: SUB_DISTRICT_LABEL, source: 'plan-sub-district-labels' } as LayerSpecification,
      BASEMAP_LABEL,
    )
    map.setLayoutProperty(BASEMAP_LABEL, 'visibility', 'none')
    return () => {
      if (!map.getStyle()) return
      if (map.getLayer(SUB_DISTRICT_LABEL)) map.removeLayer(SUB_DISTRICT_LABEL)
      if (map.getSource('plan-sub-district-labels')) map.removeSource('plan-sub-district-labels')
      if (map.getLayer(BASEMAP_LABEL)) map.setLayoutProperty(BASEMAP_LABEL, 'visibility', 'visible')
    }
  }, [map])

  useEffect(() => {
    const features = places.flatMap((p) =>
      p.labelPoint
        ? [
            {
              type: 'Feature' as const,
              properties: { code: p.id, name_zh: p.nameZh, name_en: p.nameEn },
              geometry: { type: 'Point' as const, coordinates: p.labelPoint },
            },
          ]
        : [],
    )
    map?.getSource<GeoJSONSource>('plan-sub-district-labels')?.setData({ type: 'FeatureCollection', features })
  }, [map, places])
}
