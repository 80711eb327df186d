import type { MapLayerId } from '@onemap/domain/layers'

/**
 * The one rule for "which area is this item in", shared by the feature filter (tiles, features.query,
 * analysis.segments) and the progress figures (progress.summary, roads.unbuilt), so a planner's
 * filtered table always counts what the summary counts.
 *
 * Counted items sit in exactly one area: a road segment in the area holding its midpoint along its
 * length, a facility in the area holding its point. A segment crossing a border is therefore counted
 * once, where most of a straight segment lies. A midpoint exactly on a shared border touches both
 * areas; the lowest code/id wins so the choice is stable.
 *
 * Context layers (rivers, water bodies, areas themselves) are not counted anywhere: for them a filter
 * keeps anything overlapping the area, which is what a map reader asks ("which rivers cross here").
 */

/** Area tables an item can be placed in, with their key column. */
export const AREA_KEYS = { sub_districts: 'code', renewal_zones: 'id', renewal_units: 'id' } as const
export type AreaTable = keyof typeof AREA_KEYS

/** SQL for the point that places a counted item of `layer` (table aliased `alias`), or null for context layers. */
export function anchorPoint(layer: MapLayerId, alias = 't'): string | null {
  if (layer === 'road_segments') return `ST_LineInterpolatePoint(${alias}.geom, 0.5)`
  if (layer === 'facilities') return `${alias}.geom`
  return null
}

/** Scalar SQL: the key of the `table` area holding the point expression `point`, or NULL outside all. */
export function areaOf(table: AreaTable, point: string): string {
  const key = AREA_KEYS[table]
  return `(SELECT a.${key} FROM ${table} a WHERE ST_Intersects(a.geom, ${point}) ORDER BY a.${key} LIMIT 1)`
}

/** SQL condition: the feature `t` of `layer` lies in the `table` area whose key is the bound `placeholder`. */
export function inArea(layer: MapLayerId, table: AreaTable, placeholder: string): string {
  const anchor = anchorPoint(layer)
  if (anchor) return `${areaOf(table, anchor)} = ${placeholder}`
  return `EXISTS (SELECT 1 FROM ${table} f WHERE f.${AREA_KEYS[table]} = ${placeholder} AND ST_Intersects(f.geom, t.geom))`
}
