import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'

/** The layer version a TileJSON document's tile URLs carry (`?v=`). */
export function tileJsonVersion(tileJson: unknown): number {
  const template = (tileJson as { tiles?: string[] }).tiles?.[0] ?? ''
  const v = /[?&]v=(\d+)/.exec(template)?.[1]
  if (v === undefined) throw new Error(`TileJSON tile URL without a version: ${template}`)
  return Number(v)
}

/** Properties of the feature with `id` in one layer of an uncompressed MVT, or undefined. */
export function tileFeature(mvt: Uint8Array, layer: string, id: string): Record<string, unknown> | undefined {
  if (mvt.length === 0) return undefined
  const l = new VectorTile(new PbfReader(mvt)).layers[layer]
  for (let i = 0; i < (l?.length ?? 0); i++) {
    const properties = l!.feature(i).properties
    if (properties.id === id) return properties
  }
  return undefined
}
