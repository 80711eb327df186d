import { FACILITY_STATUS_COLOURS, ROAD_SEGMENT_STATUS_COLOURS } from '@onemap/domain/values'
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'

export const SELECTED_COLOUR = '#1d4ed8'
export const CHANGED_COLOUR = '#c026d3'

/** Source ids of the workbench; every layer id below starts with `plan-` so the mode can remove all it added. */
export const PLAN_SOURCES = {
  segments: 'plan-segments',
  facilities: 'plan-facilities',
  renewalZones: 'plan-renewal-zones',
  renewalUnits: 'plan-renewal-units',
} as const

/** Source layer names inside our vector tiles: the layer ids of the catalogue. */
export const SOURCE_LAYER = {
  [PLAN_SOURCES.segments]: 'road_segments',
  [PLAN_SOURCES.facilities]: 'facilities',
  [PLAN_SOURCES.renewalZones]: 'renewal_zones',
  [PLAN_SOURCES.renewalUnits]: 'renewal_units',
} as const

/** The status a segment is drawn with: as of the time slider's date when set, else today's. */
const shownStatus: ExpressionSpecification = ['coalesce', ['feature-state', 'asOf'], ['get', 'status']]
const matchColour = (colours: Record<string, string>, fallback: string): ExpressionSpecification =>
  ['match', shownStatus, ...Object.entries(colours).flat(), fallback] as unknown as ExpressionSpecification
const isBuilt: ExpressionSpecification = ['==', shownStatus, 'completed']
/** Unbuilt segments are drawn wider than built ones: they are what the workbench is about. */
const width = (built: number, unbuilt: number, z16: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  11,
  ['case', isBuilt, built, unbuilt],
  16,
  ['case', isBuilt, built * z16, unbuilt * z16],
]
const flagOpacity = (flag: string): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', flag], false],
  1,
  0,
]
/** The 红黄牌 colours, for the map halo and its legend. */
export const CARD_COLOURS = { red: '#dc2626', yellow: '#eab308' } as const
/**
 * 红黄牌 halo: feature-state 'card' is 'red' or 'yellow' on carded items (duban/use-card-outlines.ts). Drawn
 * soft (translucent, blurred) so that a red card never reads as the solid red of a suspended segment.
 */
const cardColour: ExpressionSpecification = [
  'match',
  ['coalesce', ['feature-state', 'card'], 'none'],
  'red',
  CARD_COLOURS.red,
  'yellow',
  CARD_COLOURS.yellow,
  'rgba(0,0,0,0)',
]

type PlanLayer = LayerSpecification & { source: string }

export const SEGMENT_LINE = 'plan-segment-line'
export const SEGMENT_LAYERS = [
  'plan-segment-changed',
  'plan-segment-selected',
  'plan-segment-planned-casing',
  SEGMENT_LINE,
] as const
export const FACILITY_CIRCLE = 'plan-facility-circle'
export const FACILITY_LAYERS = ['plan-facility-changed', 'plan-facility-selected', FACILITY_CIRCLE] as const
/**
 * 规划 grey is close to the basemap's road grey: planned segments get a dark casing so they read as
 * workbench items, not basemap roads.
 */
const PLANNED_CASING = '#334155'
const isPlanned: ExpressionSpecification = ['==', shownStatus, 'planned']

/** The workbench's map layers, bottom first; `group` ties each to a switch of the layer panel. */
export const PLAN_LAYERS: readonly { group: LayerGroup; layer: PlanLayer }[] = [
  {
    group: 'renewal',
    layer: {
      id: 'plan-renewal-unit-fill',
      type: 'fill',
      source: PLAN_SOURCES.renewalUnits,
      'source-layer': 'renewal_units',
      paint: { 'fill-color': '#fb923c', 'fill-opacity': 0.08 },
    },
  },
  {
    group: 'renewal',
    layer: {
      id: 'plan-renewal-unit-line',
      type: 'line',
      source: PLAN_SOURCES.renewalUnits,
      'source-layer': 'renewal_units',
      paint: { 'line-color': '#ea580c', 'line-width': 1, 'line-dasharray': [2, 2] },
    },
  },
  {
    group: 'renewal',
    layer: {
      id: 'plan-renewal-zone-line',
      type: 'line',
      source: PLAN_SOURCES.renewalZones,
      'source-layer': 'renewal_zones',
      paint: { 'line-color': '#c2410c', 'line-width': 2.5 },
    },
  },
  {
    group: 'segments',
    layer: {
      id: 'plan-segment-card',
      type: 'line',
      source: PLAN_SOURCES.segments,
      'source-layer': 'road_segments',
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': cardColour, 'line-width': width(10, 13, 2.2), 'line-opacity': 0.45, 'line-blur': 3 },
    },
  },
  {
    group: 'segments',
    layer: {
      id: 'plan-segment-changed',
      type: 'line',
      source: PLAN_SOURCES.segments,
      'source-layer': 'road_segments',
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': CHANGED_COLOUR, 'line-width': width(9, 11, 2.2), 'line-opacity': flagOpacity('changed') },
    },
  },
  {
    group: 'segments',
    layer: {
      id: 'plan-segment-selected',
      type: 'line',
      source: PLAN_SOURCES.segments,
      'source-layer': 'road_segments',
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': SELECTED_COLOUR,
        'line-width': width(8, 10, 2.2),
        'line-opacity': flagOpacity('selected'),
      },
    },
  },
  {
    group: 'segments',
    layer: {
      id: 'plan-segment-planned-casing',
      type: 'line',
      source: PLAN_SOURCES.segments,
      'source-layer': 'road_segments',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': PLANNED_CASING,
        'line-width': width(3, 6, 2.4),
        'line-opacity': ['case', isPlanned, 1, 0],
      },
    },
  },
  {
    group: 'segments',
    layer: {
      id: SEGMENT_LINE,
      type: 'line',
      source: PLAN_SOURCES.segments,
      'source-layer': 'road_segments',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': matchColour(ROAD_SEGMENT_STATUS_COLOURS, '#9e9e9e'), 'line-width': width(1.5, 3.5, 2.4) },
    },
  },
  {
    group: 'facilities',
    layer: {
      id: 'plan-facility-card',
      type: 'circle',
      source: PLAN_SOURCES.facilities,
      'source-layer': 'facilities',
      paint: {
        'circle-radius': 10,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': cardColour,
        'circle-stroke-width': 3,
      },
    },
  },
  {
    group: 'facilities',
    layer: {
      id: 'plan-facility-changed',
      type: 'circle',
      source: PLAN_SOURCES.facilities,
      'source-layer': 'facilities',
      paint: { 'circle-radius': 11, 'circle-color': CHANGED_COLOUR, 'circle-opacity': flagOpacity('changed') },
    },
  },
  {
    group: 'facilities',
    layer: {
      id: 'plan-facility-selected',
      type: 'circle',
      source: PLAN_SOURCES.facilities,
      'source-layer': 'facilities',
      paint: { 'circle-radius': 12, 'circle-color': SELECTED_COLOUR, 'circle-opacity': flagOpacity('selected') },
    },
  },
  {
    group: 'facilities',
    layer: {
      id: FACILITY_CIRCLE,
      type: 'circle',
      source: PLAN_SOURCES.facilities,
      'source-layer': 'facilities',
      paint: {
        'circle-radius': 6,
        'circle-color': matchColour(FACILITY_STATUS_COLOURS, '#9e9e9e'),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  },
]

export const LAYER_GROUPS = ['segments', 'facilities', 'renewal', 'rivers', 'subDistricts'] as const
export type LayerGroup = (typeof LAYER_GROUPS)[number]
export type LayerVisibility = Record<LayerGroup, boolean>
export const ALL_VISIBLE: LayerVisibility = {
  segments: true,
  facilities: true,
  renewal: true,
  rivers: true,
  subDistricts: true,
}

/** Basemap layers (the shell's) that the panel's river and sub-district switches hide and show. */
export const BASEMAP_GROUPS: Partial<Record<LayerGroup, readonly string[]>> = {
  rivers: ['river-line', 'river-label'],
  // The label is the workbench's own while it is open (sub-district-labels.ts).
  subDistricts: ['sub-district-line', 'plan-sub-district-label'],
}
