import { roundPosition, type Line, type Position } from './geometry.ts'

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Line }
  | { type: 'MultiLineString'; coordinates: Line[] }
  | { type: 'Polygon'; coordinates: Line[] }

export interface Feature<P> {
  type: 'Feature'
  properties: P
  geometry: Geometry
}

/** Rounds every position of a geometry to 6 decimals (RFC 7946 advises against false precision). */
export function rounded(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPosition(geometry.coordinates) }
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(roundPosition) }
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((l) => l.map(roundPosition)) }
  }
}

export function feature<P>(properties: P, geometry: Geometry): Feature<P> {
  return { type: 'Feature', properties, geometry: rounded(geometry) }
}

/** One feature per line: the files stay readable and their diffs show which feature changed. */
export function featureCollectionText(features: Feature<unknown>[]): string {
  const lines = features.map((f) => JSON.stringify(f))
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`
}

export function jsonLinesArrayText(items: unknown[]): string {
  return `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`
}
