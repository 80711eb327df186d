import proj4 from 'proj4'

/**
 * Coordinate reference systems OneMap reads and serves. CGCS2000 and WGS84 differ by centimetres,
 * below the accuracy of any layer here, so EPSG:4490 and EPSG:4326 share one definition for
 * conversions (the database still tags stored geometry as 4490).
 */
export const CRS_DEFS = {
  'EPSG:4490': '+proj=longlat +ellps=GRS80 +no_defs +type=crs',
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs +type=crs',
  // CGCS2000 3-degree Gauss-Krüger, central meridian 114°E; 4547 has no zone prefix, 4526 has "38".
  'EPSG:4547': '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs',
  'EPSG:4526': '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs',
  'EPSG:3857':
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs +type=crs',
} as const

export type ProjectedOrGeographicCrs = keyof typeof CRS_DEFS

for (const [code, def] of Object.entries(CRS_DEFS)) proj4.defs(code, def)

/** Converts one [x, y] position between two CRSs of CRS_DEFS (degrees or metres as the CRS says). */
export function transformPosition(
  from: ProjectedOrGeographicCrs,
  to: ProjectedOrGeographicCrs,
  position: [number, number],
): [number, number] {
  if (from === to) return position
  const [x, y] = proj4(from, to, position)
  return [x as number, y as number]
}
