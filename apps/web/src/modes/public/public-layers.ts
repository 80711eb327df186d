import {
  FACILITY_KINDS,
  FACILITY_STATUS_COLOURS,
  FACILITY_STATUSES,
  ROAD_SEGMENT_STATUS_COLOURS,
  ROAD_SEGMENT_STATUSES,
} from '@onemap/domain/values'
import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl'
import type { Language } from '../../i18n/setup.ts'
import { LABEL_METADATA, labelText } from '../../map/basemap-style.ts'
import { iconName } from './facility-icons.ts'

/** Renewal-zone outline colour: ≥ 3:1 against the light basemap. */
export const RENEWAL_COLOUR = '#c2410c'

type Spec<T> = Omit<T, 'source'>

export const RENEWAL_LAYERS: readonly (Spec<FillLayerSpecification> | Spec<LineLayerSpecification>)[] = [
  { id: 'public-renewal-fill', type: 'fill', paint: { 'fill-color': RENEWAL_COLOUR, 'fill-opacity': 0.08 } },
  {
    id: 'public-renewal-line',
    type: 'line',
    paint: { 'line-color': RENEWAL_COLOUR, 'line-width': 2, 'line-dasharray': [4, 2] },
  },
]

/** The layer ids of facility markers and road lines, for click handling. */
export const FACILITY_CIRCLE_LAYER = 'public-facility-circle'
export const ROAD_STATUS_LAYER = 'public-road-status'
export const ROAD_HIGHLIGHT_LAYER = 'public-road-highlight'

const statusColour = [
  'match',
  ['get', 'status'],
  ...FACILITY_STATUSES.flatMap((s) => [s, FACILITY_STATUS_COLOURS[s]]),
  '#6b7280',
]
const roadColour = [
  'match',
  ['get', 'status'],
  ...ROAD_SEGMENT_STATUSES.flatMap((s) => [s, ROAD_SEGMENT_STATUS_COLOURS[s]]),
  '#6b7280',
]

/** Marker radius by zoom; the pictogram scales with it. */
const RADIUS = ['interpolate', ['linear'], ['zoom'], 11, 6, 16, 11]

/** Facility markers: status colour, kind pictogram, and names in `language` (switched later by MapCanvas). */
export const facilityLayers = (
  language: Language,
): readonly (Spec<CircleLayerSpecification> | Spec<SymbolLayerSpecification>)[] => [
  {
    id: FACILITY_CIRCLE_LAYER,
    type: 'circle',
    paint: {
      'circle-color': statusColour as unknown as string,
      'circle-radius': RADIUS as unknown as number,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    id: 'public-facility-icon',
    type: 'symbol',
    layout: {
      'icon-image': [
        'match',
        ['get', 'kind'],
        ...FACILITY_KINDS.flatMap((k) => [k, iconName(k)]),
        '',
      ] as unknown as string,
      'icon-size': ['interpolate', ['linear'], ['zoom'], 11, 0.7, 16, 1.2] as unknown as number,
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  },
  {
    // Names from zoom 14, placed only where they do not collide (MapLibre's default placement).
    id: 'public-facility-label',
    type: 'symbol',
    minzoom: 14,
    metadata: LABEL_METADATA,
    layout: {
      'text-field': labelText(language),
      'text-size': 12,
      'text-anchor': 'top',
      'text-offset': [0, 1.1],
      'text-max-width': 8,
      'text-optional': true,
    },
    paint: { 'text-color': '#1f2328', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  },
]

/** Road segments by status, drawn from the basemap's own road_segments vector tiles (no extra data). */
export const ROAD_LAYERS: readonly LineLayerSpecification[] = [
  {
    id: ROAD_HIGHLIGHT_LAYER,
    type: 'line',
    source: 'road_segments',
    'source-layer': 'road_segments',
    filter: ['==', ['get', 'road_id'], ''],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#111827', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 7, 16, 18] },
  },
  {
    id: ROAD_STATUS_LAYER,
    type: 'line',
    source: 'road_segments',
    'source-layer': 'road_segments',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': roadColour as unknown as string,
      'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 16, 9],
    },
  },
]

/** One label per sub-district, on a point inside it (the tiles' polygon pieces would label each piece). */
export const subDistrictLabelLayers = (language: Language): readonly Spec<SymbolLayerSpecification>[] => [
  {
    id: 'public-sub-district-label',
    type: 'symbol',
    maxzoom: 14,
    metadata: LABEL_METADATA,
    layout: { 'text-field': labelText(language), 'text-size': 13 },
    paint: { 'text-color': '#2b2925', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  },
]

/** A ring around the open facility, above every marker (a MapLibre layer: no deck.gl on the public page). */
export const SELECTION_LAYERS: readonly Spec<CircleLayerSpecification>[] = [
  {
    id: 'public-selection-ring',
    type: 'circle',
    paint: {
      'circle-radius': 18,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': '#111827',
      'circle-stroke-width': 3,
    },
  },
]

/** The reader's position and the circle around it: blue, apart from every status colour (≥ 3:1 on the basemap). */
export const NEAR_COLOUR = '#1d4ed8'

export const NEAR_ME_LAYERS: readonly (Spec<FillLayerSpecification> | Spec<LineLayerSpecification>)[] = [
  {
    id: 'public-near-fill',
    type: 'fill',
    filter: ['==', ['get', 'part'], 'radius'],
    paint: { 'fill-color': NEAR_COLOUR, 'fill-opacity': 0.06 },
  },
  {
    id: 'public-near-line',
    type: 'line',
    filter: ['==', ['get', 'part'], 'radius'],
    paint: { 'line-color': NEAR_COLOUR, 'line-width': 2, 'line-dasharray': [3, 2] },
  },
]

/** The reader's own position: drawn over every line and label (useGeoJsonLayers `onTop`), with a white halo. */
export const NEAR_READER_LAYERS: readonly Spec<CircleLayerSpecification>[] = [
  {
    id: 'public-near-reader',
    type: 'circle',
    filter: ['==', ['get', 'part'], 'reader'],
    paint: {
      'circle-radius': 8,
      'circle-color': NEAR_COLOUR,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  },
]
