import { TripsLayer } from '@deck.gl/geo-layers'
import { PathLayer } from '@deck.gl/layers'
import { ROAD_SEGMENT_STATUSES } from '@onemap/domain/statuses'
import { boundsOf, longestMetres, type MeasuredPath, measuredPaths } from '../scene-geometry.ts'
import { cssColour, WALL_CONTEXT_COLOUR, WALL_STATUS_COLOURS } from '../wall-colours.ts'
import type { LegendEntry, WallSceneDefinition } from './scene-types.ts'

interface RoadProps {
  id: string
  status: string
  in_programme: boolean
}
interface RoadsPrepared {
  programme: MeasuredPath<RoadProps>[]
  context: MeasuredPath<RoadProps>[]
  active: MeasuredPath<RoadProps>[]
  activeLoopM: number
}

const TRAIL_M = 500
const SPEED_M_PER_S = 350
const colourOf = (status: string) => WALL_STATUS_COLOURS[status] ?? WALL_CONTEXT_COLOUR

/**
 * Road construction: the programme's segments by status (what the roads figure counts), every other
 * segment faint, and a light running along the segments under construction.
 */
export const roadsScene: WallSceneDefinition<RoadsPrepared> = {
  id: 'roads',
  camera: { pitch: 45, bearing: -12 },
  prepare({ roads, alarms, t }) {
    const all = measuredPaths<RoadProps>(roads, () => true)
    const programme = all.filter((r) => r.properties.in_programme)
    const active = programme.filter((r) => r.properties.status === 'under_construction')
    // A segment split into several paths counts once.
    const ids = (status?: string) =>
      new Set(
        programme.filter((r) => status === undefined || r.properties.status === status).map((r) => r.properties.id),
      ).size
    const legend: LegendEntry[] = [
      ...ROAD_SEGMENT_STATUSES.map((s) => ({
        key: s,
        label: t(`roadStatus.${s}`),
        colour: cssColour(colourOf(s)),
        shape: 'line' as const,
        count: ids(s),
      })),
      {
        key: 'context',
        label: t('wall.legend.notProgrammeRoads'),
        colour: cssColour(WALL_CONTEXT_COLOUR),
        shape: 'line',
        faded: true,
      },
    ]
    const late = alarms?.late.road_segment
    return {
      prepared: {
        programme,
        context: all.filter((r) => !r.properties.in_programme),
        active,
        activeLoopM: longestMetres(active),
      },
      bounds: boundsOf(roads),
      legend,
      takeaway: !late
        ? ''
        : late.count > 0
          ? t('wall.takeaway.roadsLate', { count: late.count, days: late.maxDays })
          : t('wall.takeaway.roadsOnTime', { count: ids() }),
      labels: [],
      count: roads ? ids() : null,
    }
  },
  layers(p, t) {
    const path = (d: MeasuredPath<RoadProps>) => d.path as [number, number][]
    return [
      new PathLayer<MeasuredPath<RoadProps>>({
        id: 'wall-roads-context',
        data: p.context,
        getPath: path,
        getColor: WALL_CONTEXT_COLOUR,
        widthUnits: 'pixels',
        getWidth: 2,
      }),
      new PathLayer<MeasuredPath<RoadProps>>({
        id: 'wall-roads',
        data: p.programme,
        getPath: path,
        getColor: (d) => colourOf(d.properties.status),
        widthUnits: 'pixels',
        getWidth: (d) => (d.properties.status === 'planned' ? 3 : 5),
        capRounded: true,
        jointRounded: true,
      }),
      new TripsLayer<MeasuredPath<RoadProps>>({
        id: 'wall-roads-active',
        data: p.active,
        getPath: path,
        getTimestamps: (d) => d.timestamps,
        getColor: [255, 214, 102],
        widthUnits: 'pixels',
        getWidth: 9,
        capRounded: true,
        jointRounded: true,
        fadeTrail: true,
        trailLength: TRAIL_M,
        currentTime: ((t / 1000) * SPEED_M_PER_S) % (p.activeLoopM + TRAIL_M),
      }),
    ]
  },
}
