import { ROAD_CLASSES, type RoadClass } from '@onemap/domain/statuses'
import type { LayerDefinition } from '@onemap/domain/layers'
import type { Params } from './filters.ts'

/**
 * Which features a tile carries at a zoom, and in what order the per-tile budget fills. The rules
 * are described for users in docs/tiles.md; keep the two together.
 */

/** At most this many features per layer and tile; the rest waits for a closer zoom and the tile says so. */
export const TILE_FEATURE_BUDGET = 8_000

/**
 * Smallest zoom at which a road class is drawn. Below it the class would be sub-pixel clutter on a
 * zone-wide view (z12 shows the whole zone in about 4 × 3 tiles); expressways and arterials carry
 * the network at every zoom.
 */
export const ROAD_CLASS_MIN_ZOOM: Readonly<Record<RoadClass, number>> = {
  expressway: 0,
  arterial: 0,
  secondary: 10,
  branch: 12,
}

/** Smallest zoom at which a road segment of `roadClass` is in the tiles. */
export function segmentMinZoom(roadClass: RoadClass): number {
  return ROAD_CLASS_MIN_ZOOM[roadClass]
}

export interface TileSelection {
  /** Extra WHERE conditions for zoom `z` (bound values only). */
  where: string[]
  /**
   * ORDER BY terms: who fills the budget first. Programme items come first (the map exists to
   * follow them), then higher classes, then longer segments; the id makes the order total, so a
   * tile at its budget is the same tile on every render (and its ETag is stable).
   */
  order: string[]
}

/** The selection rules of `layer` at zoom `z`; `id` is the layer's id expression. */
export function tileSelection(layer: LayerDefinition, z: number, id: string, params: Params): TileSelection {
  if (layer.id === 'road_segments') {
    const hidden = ROAD_CLASSES.filter((c) => ROAD_CLASS_MIN_ZOOM[c] > z)
    const where = hidden.length > 0 ? [`NOT (r.class = ANY(${params.add(hidden)}::text[]))`] : []
    const rank = `array_position(${params.add([...ROAD_CLASSES])}::text[], r.class)`
    return { where, order: ['t.in_programme DESC', rank, 't.length_m DESC', id] }
  }
  if (layer.id === 'facilities') return { where: [], order: ['t.in_programme DESC', id] }
  return { where: [], order: [id] }
}
