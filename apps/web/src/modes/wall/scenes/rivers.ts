import { TripsLayer } from '@deck.gl/geo-layers'
import { PathLayer } from '@deck.gl/layers'
import { ZONE_BOUNDS } from '../../../map/basemap-style.ts'
import { boundsOf, longestMetres, type MeasuredPath, measuredPaths } from '../scene-geometry.ts'
import type { MapLabel, WallSceneDefinition } from './scene-types.ts'

interface RiversPrepared {
  rivers: MeasuredPath<unknown>[]
  loopM: number
}

const TRAIL_M = 1_500
const SPEED_M_PER_S = 500
const BED: [number, number, number, number] = [47, 143, 216, 160]
const FLOW: [number, number, number] = [140, 220, 255]
const inZone = ([x, y]: number[]) =>
  (x ?? 0) > ZONE_BOUNDS[0] && (x ?? 0) < ZONE_BOUNDS[2] && (y ?? 0) > ZONE_BOUNDS[1] && (y ?? 0) < ZONE_BOUNDS[3]

/** A point for a river's label: the middle of its vertices inside the zone (rivers run on beyond it). */
function labelPoint(f: GeoJSON.Feature): [number, number] | null {
  const g = f.geometry
  const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : []
  const inside = lines.flat().filter(inZone)
  const middle = inside[Math.floor(inside.length / 2)]
  return middle ? [middle[0] as number, middle[1] as number] : null
}

/** Rivers and lakes under the river-chief scheme: each river flowing, labelled with its chief and its length in the zone. */
export const riversScene: WallSceneDefinition<RiversPrepared> = {
  id: 'rivers',
  camera: { pitch: 35, bearing: -25 },
  hideBasemapLayers: ['river-label', 'sub-district-label'],
  prepare({ rivers, riverFacts, t, en }) {
    const paths = measuredPaths<unknown>(rivers, () => true)
    const facts = new Map((riverFacts ?? []).map((r) => [r.id, r]))
    const labels: MapLabel[] = (rivers?.features ?? []).flatMap((f) => {
      const r = facts.get(String(f.properties?.id))
      const at = labelPoint(f)
      if (!r || !at || r.lengthInZoneM <= 0) return []
      // Sample chiefs are named as sample in the data itself ("示例河长·…（虚构）"), and the map says 示例数据.
      const chief = r.riverChief ? t('wall.rivers.chief', { name: r.riverChief }) : t('wall.rivers.noChief')
      return [
        {
          id: r.id,
          position: at,
          title: en ? r.nameEn : r.nameZh,
          detail: `${chief} · ${t('wall.rivers.lengthInZone', { km: (r.lengthInZoneM / 1000).toFixed(1) })}`,
        },
      ]
    })
    const inside = (riverFacts ?? []).filter((r) => r.lengthInZoneM > 0)
    const km = (inside.reduce((sum, r) => sum + r.lengthInZoneM, 0) / 1000).toFixed(1)
    const withoutChief = inside.filter((r) => !r.riverChief).length
    return {
      prepared: { rivers: paths, loopM: longestMetres(paths) },
      bounds: boundsOf(rivers),
      legend: [
        { key: 'river', label: t('wall.legend.river'), colour: `rgba(${BED.join(', ')})`, shape: 'line' },
        { key: 'flow', label: t('wall.legend.flow'), colour: `rgb(${FLOW.join(', ')})`, shape: 'line' },
      ],
      takeaway: riverFacts
        ? withoutChief > 0
          ? t('wall.takeaway.riversMissingChief', { count: inside.length, km, missing: withoutChief })
          : t('wall.takeaway.rivers', { count: inside.length, km })
        : '',
      labels,
      count: riverFacts ? inside.length : null,
    }
  },
  layers(p, t) {
    const path = (d: MeasuredPath<unknown>) => d.path as [number, number][]
    return [
      new PathLayer<MeasuredPath<unknown>>({
        id: 'wall-rivers',
        data: p.rivers,
        getPath: path,
        getColor: BED,
        widthUnits: 'pixels',
        getWidth: 6,
        capRounded: true,
        jointRounded: true,
      }),
      new TripsLayer<MeasuredPath<unknown>>({
        id: 'wall-rivers-flow',
        data: p.rivers,
        getPath: path,
        getTimestamps: (d) => d.timestamps,
        getColor: FLOW,
        widthUnits: 'pixels',
        getWidth: 5,
        capRounded: true,
        fadeTrail: true,
        trailLength: TRAIL_M,
        currentTime: ((t / 1000) * SPEED_M_PER_S) % (p.loopM + TRAIL_M),
      }),
    ]
  },
}
