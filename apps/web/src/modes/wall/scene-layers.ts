import type { Layer } from '@deck.gl/core'
import { TripsLayer } from '@deck.gl/geo-layers'
import { GeoJsonLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers'
import { longestMetres, type MeasuredPath, measuredPaths } from './scene-geometry.ts'
import { WALL_STATUS_COLOURS } from './wall-colours.ts'
import type { WallScene } from './wall-params.ts'

type Rgba = [number, number, number, number]

const colourOf = (status: unknown): Rgba => WALL_STATUS_COLOURS[String(status)] ?? [200, 200, 200, 255]

interface RoadProps {
  id: string
  status: string
}
interface FacilityPoint {
  id: string
  status: string
  position: number[]
}

/** Everything the scenes draw, derived once per data change (never per frame). */
export interface PreparedScenes {
  roads: MeasuredPath<RoadProps>[]
  activeRoads: MeasuredPath<RoadProps>[]
  activeLoopM: number
  facilities: FacilityPoint[]
  pulsing: FacilityPoint[]
  renewal: GeoJSON.FeatureCollection | undefined
  rivers: MeasuredPath<unknown>[]
  riverLoopM: number
}

export function prepareScenes(input: {
  roads: GeoJSON.FeatureCollection | undefined
  facilities: GeoJSON.FeatureCollection | undefined
  rivers: GeoJSON.FeatureCollection | undefined
  renewal: GeoJSON.FeatureCollection | undefined
  pulsingIds: ReadonlySet<string>
}): PreparedScenes {
  const roads = measuredPaths<RoadProps>(input.roads, () => true)
  const activeRoads = roads.filter((r) => r.properties.status === 'under_construction')
  const facilities: FacilityPoint[] = (input.facilities?.features ?? []).flatMap((f) =>
    f.geometry?.type === 'Point' ? [{ id: String(f.properties?.id), status: String(f.properties?.status), position: f.geometry.coordinates }] : [],
  )
  const rivers = measuredPaths<unknown>(input.rivers, () => true)
  return {
    roads,
    activeRoads,
    activeLoopM: longestMetres(activeRoads),
    facilities,
    pulsing: facilities.filter((f) => input.pulsingIds.has(f.id)),
    renewal: input.renewal,
    rivers,
    riverLoopM: longestMetres(rivers),
  }
}

const ROAD_TRAIL_M = 500
const ROAD_SPEED_M_PER_S = 350
const RIVER_TRAIL_M = 1_500
const RIVER_SPEED_M_PER_S = 500
const PULSE_PERIOD_MS = 1_600

/**
 * The deck.gl layers of one scene at time `t` (ms). Ids are fixed and the data arrays are the
 * prepared ones, so deck.gl only updates uniforms between frames: the animation allocates no new
 * GPU buffers however long the wall runs.
 */
export function sceneLayers(scene: WallScene, p: PreparedScenes, t: number): Layer[] {
  switch (scene) {
    case 'roads':
      return [
        new PathLayer<MeasuredPath<RoadProps>>({
          id: 'wall-roads',
          data: p.roads,
          getPath: (d) => d.path as [number, number][],
          getColor: (d) => colourOf(d.properties.status),
          widthUnits: 'pixels',
          getWidth: (d) => (d.properties.status === 'planned' ? 2 : 4),
          capRounded: true,
          jointRounded: true,
        }),
        new TripsLayer<MeasuredPath<RoadProps>>({
          id: 'wall-roads-active',
          data: p.activeRoads,
          getPath: (d) => d.path as [number, number][],
          getTimestamps: (d) => d.timestamps,
          getColor: [255, 214, 102],
          widthUnits: 'pixels',
          getWidth: 8,
          capRounded: true,
          jointRounded: true,
          fadeTrail: true,
          trailLength: ROAD_TRAIL_M,
          currentTime: ((t / 1000) * ROAD_SPEED_M_PER_S) % (p.activeLoopM + ROAD_TRAIL_M),
        }),
      ]
    case 'facilities': {
      const phase = (t % PULSE_PERIOD_MS) / PULSE_PERIOD_MS
      return [
        new ScatterplotLayer<FacilityPoint>({
          id: 'wall-facility-pulse',
          data: p.pulsing,
          getPosition: (d) => d.position as [number, number],
          radiusUnits: 'pixels',
          getRadius: 10,
          radiusScale: 1 + 3 * phase,
          stroked: true,
          filled: false,
          lineWidthUnits: 'pixels',
          getLineWidth: 3,
          getLineColor: [255, 176, 32],
          opacity: 1 - phase,
        }),
        new ScatterplotLayer<FacilityPoint>({
          id: 'wall-facilities',
          data: p.facilities,
          getPosition: (d) => d.position as [number, number],
          radiusUnits: 'pixels',
          getRadius: 7,
          getFillColor: (d) => colourOf(d.status),
          stroked: true,
          lineWidthUnits: 'pixels',
          getLineWidth: 2,
          getLineColor: [11, 23, 38],
        }),
      ]
    }
    case 'renewal':
      return [
        new GeoJsonLayer({
          id: 'wall-renewal',
          data: p.renewal ?? { type: 'FeatureCollection', features: [] },
          filled: true,
          stroked: true,
          getFillColor: (f) => renewalFill(Number(f.properties?.ratio ?? 0)),
          getLineColor: [79, 179, 255, 255],
          lineWidthUnits: 'pixels',
          getLineWidth: 2,
          lineWidthScale: 1.5 + Math.sin((t / 900) % (2 * Math.PI)),
          updateTriggers: { getFillColor: p.renewal },
        }),
      ]
    case 'rivers':
      return [
        new PathLayer<MeasuredPath<unknown>>({
          id: 'wall-rivers',
          data: p.rivers,
          getPath: (d) => d.path as [number, number][],
          getColor: [47, 143, 216, 160],
          widthUnits: 'pixels',
          getWidth: 6,
          capRounded: true,
          jointRounded: true,
        }),
        new TripsLayer<MeasuredPath<unknown>>({
          id: 'wall-rivers-flow',
          data: p.rivers,
          getPath: (d) => d.path as [number, number][],
          getTimestamps: (d) => d.timestamps,
          getColor: [140, 220, 255],
          widthUnits: 'pixels',
          getWidth: 5,
          capRounded: true,
          fadeTrail: true,
          trailLength: RIVER_TRAIL_M,
          currentTime: ((t / 1000) * RIVER_SPEED_M_PER_S) % (p.riverLoopM + RIVER_TRAIL_M),
        }),
      ]
    case 'indicators':
      // The indicator board covers the map; nothing to animate under it.
      return []
  }
}

/** Renewal units shade from deep blue (nothing done) to teal (everything done). */
function renewalFill(ratio: number): Rgba {
  const r = Math.max(0, Math.min(1, ratio))
  return [Math.round(30 + 31 * r), Math.round(70 + 150 * r), Math.round(140 + 11 * r), 150]
}
