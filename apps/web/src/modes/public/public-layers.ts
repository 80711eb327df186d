import { FACILITY_STATUSES } from '@onemap/domain/values'
import type { CircleLayerSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import { FACILITY_STATUS_COLOURS } from './facility-model.ts'

/** Renewal-zone outline colour: ≥ 3:1 against the light basemap. */
export const RENEWAL_COLOUR = '#c2410c'

type Spec<T> = Omit<T, 'source'>

export const RENEWAL_LAYERS: readonly (Spec<FillLayerSpecification> | Spec<LineLayerSpecification>)[] = [
  { id: 'public-renewal-fill', type: 'fill', paint: { 'fill-color': RENEWAL_COLOUR, 'fill-opacity': 0.08 } },
  { id: 'public-renewal-line', type: 'line', paint: { 'line-color': RENEWAL_COLOUR, 'line-width': 2, 'line-dasharray': [4, 2] } },
]

/** The layer id of facility markers, for click handling. */
export const FACILITY_CIRCLE_LAYER = 'public-facility-circle'

const statusColour = ['match', ['get', 'status'], ...FACILITY_STATUSES.flatMap((s) => [s, FACILITY_STATUS_COLOURS[s]]), '#6b7280']

export const FACILITY_LAYERS: readonly Spec<CircleLayerSpecification>[] = [
  {
    id: FACILITY_CIRCLE_LAYER,
    type: 'circle',
    paint: {
      'circle-color': statusColour as unknown as string,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 6, 16, 11],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
]
