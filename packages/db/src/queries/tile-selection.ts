import { ROAD_CLASSES, type RoadClass } from '@onemap/domain/statuses'
import type { LayerDefinition } from '@onemap/domain/layers'

/**
 * Which features a tile carries at a zoom, and in what order the per-tile budget fills. The rules
 * are described for users in docs/tiles.md; keep the two together.
 */

/**
 * At most this many features per layer and tile; the rest waits for a closer zoom and the tile says so.
 * 5 000 lines on one 512-px tile are already more than anyone can tell apart, and the budget bounds
 * what the densest tile costs (docs/tiles.md gives the figures that chose it over the former 8 000).
 */
export const TILE_FEATURE_BUDGET = 5_000

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
  /**
   * Who fills the budget first, as groups read one after another until the budget is full. Each
   * group adds WHERE conditions written from constants (no input reaches them), so the planner can
   * match a group to its own partial index (migration 007) and a later group is never read when
   * the earlier ones fill the tile.
   */
  groups: string[][]
  /**
   * ORDER BY terms inside a group. The id makes the order total, so a tile at its budget is the
   * same tile on every render (and its ETag is stable).
   */
  order: string[]
}

/** `t.class = 'arterial'`: a literal, not a bound value, so the class's partial index applies to every plan. */
const classIs = (roadClass: RoadClass) => `t.class = '${roadClass}'`

/**
 * The selection rules of `layer` at zoom `z`; `id` is the layer's id expression. Road segments:
 * programme items before context (the map exists to follow them), then higher classes first, then
 * longer segments; classes below their zoom are not read at all.
 */
export function tileSelection(layer: LayerDefinition, z: number, id: string): TileSelection {
  if (layer.id === 'road_segments') {
    const shown = ROAD_CLASSES.filter((c) => ROAD_CLASS_MIN_ZOOM[c] <= z)
    const groups = ['t.in_programme', 'NOT t.in_programme'].flatMap((programme) =>
      shown.map((c) => [programme, classIs(c)]),
    )
    return { groups, order: ['t.length_m DESC', id] }
  }
  if (layer.id === 'facilities') return { groups: [[]], order: ['t.in_programme DESC', id] }
  return { groups: [[]], order: [id] }
}
