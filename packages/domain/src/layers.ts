/**
 * The fixed catalogue of layer ids. Tables, tile routes and OGC collections are looked up here,
 * never built from request input.
 */
export const LAYER_IDS = [
  'zone_boundary',
  'sub_districts',
  'renewal_zones',
  'renewal_units',
  'roads',
  'road_segments',
  'facilities',
  'rivers',
  'water_bodies',
] as const
export type LayerId = (typeof LAYER_IDS)[number]
