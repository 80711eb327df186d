/**
 * Where the projected CRSs of /ogc are defined, as [minX, minY, maxX, maxY] in easting/northing order.
 * A bbox outside would make ST_Transform fail (or wrap round the world), so it is refused as a 400.
 * - EPSG:3857: the square Web Mercator world, ±20 037 508.34 m on both axes.
 * - EPSG:4547 (CGCS2000 3° Gauss-Krüger, CM 114° E, false easting 500 km): 0–1 000 km of easting keeps
 *   within ~±4.5° of the meridian where the projection is defined; northing from the equator to the pole.
 */
const DOMAINS = new Map<number, readonly [number, number, number, number]>([
  [3857, [-20_037_508.34, -20_037_508.34, 20_037_508.34, 20_037_508.34]],
  [4547, [0, 0, 1_000_000, 10_002_000]],
])

/** True when the bbox [minX, minY, maxX, maxY] (easting first) lies inside the CRS's domain. */
export function withinProjectedDomain(srid: number, [x1, y1, x2, y2]: readonly number[]): boolean {
  const d = DOMAINS.get(srid)
  if (!d) return false
  return x1! >= d[0] && y1! >= d[1] && x2! <= d[2] && y2! <= d[3]
}

/** The domain as text for the 400 message, easting first. */
export function projectedDomainText(srid: number): string {
  const d = DOMAINS.get(srid)
  return d ? `easting ${d[0]}…${d[2]}, northing ${d[1]}…${d[3]}` : 'unknown CRS'
}
