import type { Layer } from '@deck.gl/core'
import type { TFunction } from 'i18next'
import type { Bounds } from '../scene-geometry.ts'
import type { Alarms, RiverFacts, Summary } from '../wall-figures.ts'

/** What every scene is prepared from: the wall's data as last read, and the page's language. */
export interface SceneInput {
  roads: GeoJSON.FeatureCollection | undefined
  facilities: GeoJSON.FeatureCollection | undefined
  renewalUnits: GeoJSON.FeatureCollection | undefined
  rivers: GeoJSON.FeatureCollection | undefined
  riverFacts: RiverFacts[] | undefined
  summary: Summary | undefined
  alarms: Alarms | undefined
  /** Facilities that started lately (live or newest), drawn with a pulse. */
  pulsingIds: ReadonlySet<string>
  t: TFunction
  en: boolean
}

/** One entry of a scene's legend: a swatch drawn as a line, dot or area, a label and an optional count. */
export interface LegendEntry {
  key: string
  label: string
  /** CSS colour of the swatch. */
  colour: string
  shape: 'line' | 'dot' | 'area'
  /** Drawn faint: context that is not part of the scene's figures. */
  faded?: boolean
  count?: number
}

/** A text label pinned to a place on the map (drawn in the stage, so it scales and reads like the panels). */
export interface MapLabel {
  id: string
  position: [number, number]
  title: string
  detail?: string
}

/** A scene as it is shown: its prepared drawing data and the words around it. */
export interface SceneView<P = unknown> {
  prepared: P
  /** What the camera frames, or null before the data is in. */
  bounds: Bounds | null
  legend: LegendEntry[]
  /** One sentence computed from the data, under the scene's title ("23 段道路逾期，最长 2215 天"). */
  takeaway: string
  labels: MapLabel[]
  /** How many items the scene draws as the figures count them (e.g. programme segments), for checks. */
  count: number | null
}

/**
 * A map scene of the wall. Add a scene by writing one of these in its own file and listing it in
 * scene-registry.ts; the rotation, `?scenes=`, legend, labels and camera follow from this.
 */
export interface WallSceneDefinition<P = unknown> {
  id: string
  /** Title key under `wall.scene.` in the i18n messages. */
  camera: { pitch: number; bearing: number }
  /** Shown only when `?scenes=` names it, not in the default rotation. */
  onRequest?: boolean
  /** Basemap layers to hide while the scene shows (its own labels replace them). */
  hideBasemapLayers?: readonly string[]
  /** Runs once per data change, never per frame. */
  prepare(input: SceneInput): SceneView<P>
  /** The scene's deck.gl layers at time `t` (ms); fixed ids and prepared data only, so frames allocate nothing. */
  layers(prepared: P, t: number): Layer[]
}
