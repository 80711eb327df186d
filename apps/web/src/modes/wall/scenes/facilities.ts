import { ScatterplotLayer } from '@deck.gl/layers'
import { boundsOf } from '../scene-geometry.ts'
import { cssColour, WALL_CONTEXT_COLOUR, WALL_STATUS_COLOURS } from '../wall-colours.ts'
import type { LegendEntry, WallSceneDefinition } from './scene-types.ts'

interface FacilityPoint {
  id: string
  status: string
  position: [number, number]
}
interface FacilitiesPrepared {
  programme: FacilityPoint[]
  context: FacilityPoint[]
  pulsing: FacilityPoint[]
}

const PULSE_PERIOD_MS = 1_600
const PULSE_COLOUR: [number, number, number] = [255, 176, 32]
const colourOf = (status: string) => WALL_STATUS_COLOURS[status] ?? WALL_CONTEXT_COLOUR
// Completed and in service are one colour (both "done"), so the legend shows them as one entry.
const LEGEND_GROUPS: [key: string, statuses: string[]][] = [
  ['planned', ['planned']],
  ['started', ['started']],
  ['completed', ['completed', 'in_service']],
  ['suspended', ['suspended']],
]

/** Public facilities: the programme's by status (what the facilities figure counts), the rest faint, new starts pulsing. */
export const facilitiesScene: WallSceneDefinition<FacilitiesPrepared> = {
  id: 'facilities',
  camera: { pitch: 30, bearing: 8 },
  prepare({ facilities, alarms, summary, pulsingIds, t }) {
    const points = (facilities?.features ?? []).flatMap((f) =>
      f.geometry?.type === 'Point'
        ? [
            {
              id: String(f.properties?.id),
              status: String(f.properties?.status),
              inProgramme: f.properties?.in_programme === true,
              position: f.geometry.coordinates as [number, number],
            },
          ]
        : [],
    )
    const programme = points.filter((p) => p.inProgramme)
    const legend: LegendEntry[] = [
      ...LEGEND_GROUPS.map(([key, statuses]) => ({
        key,
        label: statuses.map((s) => t(`status.${s}`)).join(' · '),
        colour: cssColour(colourOf(key)),
        shape: 'dot' as const,
        count: programme.filter((p) => statuses.includes(p.status)).length,
      })),
      { key: 'pulse', label: t('wall.legend.newlyStarted'), colour: cssColour([...PULSE_COLOUR, 255]), shape: 'dot' },
      {
        key: 'context',
        label: t('wall.legend.notProgrammeFacilities'),
        colour: cssColour(WALL_CONTEXT_COLOUR),
        shape: 'dot',
        faded: true,
      },
    ]
    const late = alarms?.late.facility
    const started = summary ? { started: summary.facilities.started, planned: summary.facilities.planned } : null
    return {
      prepared: {
        programme,
        context: points.filter((p) => !p.inProgramme),
        pulsing: points.filter((p) => pulsingIds.has(p.id)),
      },
      bounds: boundsOf(facilities),
      legend,
      takeaway:
        !late || !started
          ? ''
          : late.count > 0
            ? t('wall.takeaway.facilitiesLate', { count: late.count, days: late.maxDays, ...started })
            : t('wall.takeaway.facilitiesOnTime', started),
      labels: [],
      count: facilities ? programme.length : null,
    }
  },
  layers(p, t) {
    const phase = (t % PULSE_PERIOD_MS) / PULSE_PERIOD_MS
    const at = (d: FacilityPoint) => d.position
    return [
      new ScatterplotLayer<FacilityPoint>({
        id: 'wall-facility-pulse',
        data: p.pulsing,
        getPosition: at,
        radiusUnits: 'pixels',
        getRadius: 10,
        radiusScale: 1 + 3 * phase,
        stroked: true,
        filled: false,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: PULSE_COLOUR,
        opacity: 1 - phase,
      }),
      new ScatterplotLayer<FacilityPoint>({
        id: 'wall-facilities-context',
        data: p.context,
        getPosition: at,
        radiusUnits: 'pixels',
        getRadius: 5,
        getFillColor: WALL_CONTEXT_COLOUR,
      }),
      new ScatterplotLayer<FacilityPoint>({
        id: 'wall-facilities',
        data: p.programme,
        getPosition: at,
        radiusUnits: 'pixels',
        getRadius: 8,
        getFillColor: (d) => colourOf(d.status),
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        getLineColor: [11, 23, 38],
      }),
    ]
  },
}
