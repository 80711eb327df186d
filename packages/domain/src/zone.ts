/** A lon/lat box in degrees: [west, south, east, north]. */
export type LonLatBounds = [number, number, number, number]

/**
 * The High-tech Zone's extent (an estimate from FACTS.md; CGCS2000 = WGS84 at display accuracy). The map
 * opens on it, and TileJSON and OGC collections report it for a layer that holds nothing yet.
 */
export const ZONE_BOUNDS: LonLatBounds = [113.45, 34.765, 113.605, 34.865]

/**
 * The zone with a margin of 0.2° of longitude (≈ 18 km here) and 0.15° of latitude (≈ 17 km): rivers run on
 * beyond the zone and a neighbour's road may be included. The map does not pan past it, and imported data
 * outside it is refused — tight enough to catch metres read as degrees, swapped axes and another city's data.
 */
export const ZONE_SURROUNDINGS: LonLatBounds = [
  ZONE_BOUNDS[0] - 0.2,
  ZONE_BOUNDS[1] - 0.15,
  ZONE_BOUNDS[2] + 0.2,
  ZONE_BOUNDS[3] + 0.15,
]
