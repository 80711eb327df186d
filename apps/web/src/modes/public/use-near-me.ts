import { useCallback, useMemo, useState } from 'react'
import type { Facility } from './facility-model.ts'

/** Kilometres from the reader to a point, [lon, lat]. */
type DistanceKm = (to: [number, number]) => number

/** The circle drawn around the reader: about a quarter of an hour on foot, what "near" means to most. */
export const NEAR_RADIUS_KM = 1

/** What the map shows of a found reader: the circle (`part: 'radius'`), the reader (`part: 'reader'`), and its box. */
interface NearArea {
  features: GeoJSON.FeatureCollection
  bounds: [number, number, number, number]
}

/** Where "near me" stands: not asked, asking, refused, outside the zone, or a position to sort by. */
export type NearState =
  | { status: 'idle' | 'locating' | 'denied' | 'unavailable' }
  | { status: 'outside'; position: [number, number] }
  | { status: 'found'; position: [number, number]; distanceKm: DistanceKm; area: NearArea }

/**
 * The reader's position, asked for only when they tap "附近 / Near me" (never on load). The browser's
 * position is WGS84, which matches CGCS2000 to well under a metre here. turf loads with the tap: most
 * readers never ask, so it stays out of the first load.
 */
export function useNearMe(zone: GeoJSON.FeatureCollection | undefined) {
  const [state, setState] = useState<NearState>({ status: 'idle' })
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'unavailable' })
      return
    }
    setState({ status: 'locating' })
    const turf = import('./turf-lite.ts')
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const position: [number, number] = [pos.coords.longitude, pos.coords.latitude]
        void turf.then(({ bbox, booleanPointInPolygon, circle, distance, point }) => {
          const inside = (zone?.features ?? []).some(
            (f) =>
              (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') &&
              booleanPointInPolygon(position, f as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>),
          )
          if (!inside) {
            setState({ status: 'outside', position })
            return
          }
          // turf's circle is a 64-sided polygon of great-circle radius: well within a pixel at any zoom here.
          const radius = circle(position, NEAR_RADIUS_KM, {
            units: 'kilometers',
            steps: 64,
            properties: { part: 'radius' },
          })
          setState({
            status: 'found',
            position,
            distanceKm: (to) => distance(position, to, { units: 'kilometers' }),
            area: {
              features: { type: 'FeatureCollection', features: [radius, point(position, { part: 'reader' })] },
              bounds: bbox(radius) as [number, number, number, number],
            },
          })
        })
      },
      (err) => setState({ status: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    )
  }, [zone])
  const clear = useCallback(() => setState({ status: 'idle' }), [])
  return { state, locate, clear }
}

/** Kilometres from the reader to each facility (turf's great-circle distance), once found inside the zone. */
export function useDistances(facilities: readonly Facility[], state: NearState): Map<string, number> | null {
  return useMemo(
    () => (state.status === 'found' ? new Map(facilities.map((f) => [f.id, state.distanceKm(f.position)])) : null),
    [facilities, state],
  )
}
