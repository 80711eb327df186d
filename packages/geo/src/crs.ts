import proj4 from 'proj4'
import { fromBd09, fromGcj02 } from './datum-shift.ts'

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

/**
 * Source CRSs the importer accepts. Everything is stored as EPSG:4490. GCJ-02 and BD-09 are offset
 * datums on top of WGS84 (see datum-shift.ts), not PROJ definitions.
 */
export const SOURCE_CRSS = ['EPSG:4490', 'EPSG:4326', 'EPSG:4547', 'EPSG:4526', 'GCJ-02', 'BD-09'] as const
export type SourceCrs = (typeof SOURCE_CRSS)[number]

/** True for CRSs whose coordinates are projected metres rather than degrees. */
export function isProjected(crs: SourceCrs): boolean {
  return crs === 'EPSG:4547' || crs === 'EPSG:4526'
}

const CRS_ALIASES: Record<string, SourceCrs> = {
  '4490': 'EPSG:4490',
  cgcs2000: 'EPSG:4490',
  '4326': 'EPSG:4326',
  wgs84: 'EPSG:4326',
  crs84: 'EPSG:4326',
  '4547': 'EPSG:4547',
  '4526': 'EPSG:4526',
  gcj02: 'GCJ-02',
  gcj: 'GCJ-02',
  amap: 'GCJ-02',
  bd09: 'BD-09',
  bd09ll: 'BD-09',
  baidu: 'BD-09',
}

/**
 * Reads a CRS as users and files write it: "EPSG:4547", "4547", "urn:ogc:def:crs:EPSG::4547",
 * "urn:ogc:def:crs:OGC:1.3:CRS84", "gcj02", "GCJ-02", "BD-09", "CGCS2000". Undefined when unknown.
 */
export function parseCrsName(text: string): SourceCrs | undefined {
  const t = text.trim().toLowerCase()
  const epsg = /epsg(?::+|\/0\/|:[\d.]*:)(\d+)$/.exec(t) ?? /^(\d{4,5})$/.exec(t)
  if (epsg) return CRS_ALIASES[epsg[1] as string]
  if (t.endsWith('crs84')) return 'EPSG:4326'
  return CRS_ALIASES[t.replace(/[\s_-]/g, '')]
}

/** A function converting one [x, y] of `from` to [lon, lat] in EPSG:4490 degrees. */
export type ToCgcs2000 = (position: [number, number]) => [number, number]

/** The converter from a source CRS to EPSG:4490 (identity for 4490/4326, which differ by centimetres). */
export function toCgcs2000(from: SourceCrs): ToCgcs2000 {
  switch (from) {
    case 'EPSG:4490':
    case 'EPSG:4326':
      return (p) => p
    case 'EPSG:4547':
    case 'EPSG:4526':
      return (p) => transformPosition(from, 'EPSG:4490', p)
    case 'GCJ-02':
      return fromGcj02
    case 'BD-09':
      return fromBd09
  }
}
