import { describe, expect, it } from 'vitest'
import { parseCrsName, toCgcs2000, transformPosition } from './crs.ts'
import { crsFromPrj } from './prj.ts'

describe('Gauss-Krüger (EPSG:4547 / 4526)', () => {
  it('matches PROJ (ogr2ogr) for a point in the zone to 1 mm', () => {
    // Reference: `ogr2ogr -s_srs EPSG:4326 -t_srs EPSG:4547` of 113.5 E, 34.8 N.
    const [x, y] = transformPosition('EPSG:4490', 'EPSG:4547', [113.5, 34.8])
    expect(Math.abs(x - 454244.929489)).toBeLessThan(0.001)
    expect(Math.abs(y - 3852519.093934)).toBeLessThan(0.001)
  })

  it('puts the zone prefix 38 in front of the easting for EPSG:4526 only', () => {
    const [x4547] = transformPosition('EPSG:4490', 'EPSG:4547', [113.5, 34.8])
    const [x4526] = transformPosition('EPSG:4490', 'EPSG:4526', [113.5, 34.8])
    expect(x4526 - x4547).toBeCloseTo(38_000_000, 6)
  })

  it.each(['EPSG:4547', 'EPSG:4526'] as const)('round-trips %s → 4490 → %s to under 1 mm across the zone', (crs) => {
    for (const lon of [113.4, 113.5, 113.65]) {
      for (const lat of [34.74, 34.81, 34.88]) {
        const projected = transformPosition('EPSG:4490', crs, [lon, lat])
        const back = transformPosition('EPSG:4490', crs, toCgcs2000(crs)(projected))
        expect(Math.hypot(back[0] - projected[0], back[1] - projected[1])).toBeLessThan(0.001)
      }
    }
  })
})

describe('parseCrsName', () => {
  it.each([
    ['EPSG:4547', 'EPSG:4547'],
    ['4526', 'EPSG:4526'],
    ['urn:ogc:def:crs:EPSG::4490', 'EPSG:4490'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['WGS84', 'EPSG:4326'],
    ['CGCS2000', 'EPSG:4490'],
    ['gcj02', 'GCJ-02'],
    ['GCJ-02', 'GCJ-02'],
    ['bd09', 'BD-09'],
  ])('reads %s as %s', (text, crs) => {
    expect(parseCrsName(text)).toBe(crs)
  })

  it('does not guess an unknown CRS', () => {
    expect(parseCrsName('EPSG:2385')).toBeUndefined()
    expect(parseCrsName('Xian 1980')).toBeUndefined()
  })
})

// .prj texts as GDAL writes them (ESRI WKT1).
const GCS_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
const gk = (name: string, falseEasting: string, cm = '114.0') =>
  `PROJCS["${name}",${GCS_CGCS2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting}],` +
  `PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],` +
  'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'

describe('crsFromPrj', () => {
  it('recognises CGCS2000 GK CM 114E without and with the zone prefix', () => {
    expect(crsFromPrj(gk('CGCS2000_3_Degree_GK_CM_114E', '500000.0')).crs).toBe('EPSG:4547')
    expect(crsFromPrj(gk('CGCS2000_3_Degree_GK_Zone_38', '38500000.0')).crs).toBe('EPSG:4526')
  })

  it('recognises geographic CGCS2000 and WGS84', () => {
    expect(crsFromPrj(GCS_CGCS2000).crs).toBe('EPSG:4490')
    expect(
      crsFromPrj(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ).crs,
    ).toBe('EPSG:4326')
  })

  it('refuses another central meridian and says which', () => {
    const result = crsFromPrj(gk('CGCS2000_3_Degree_GK_CM_111E', '500000.0', '111.0'))
    expect(result.crs).toBeUndefined()
    expect('reason' in result && result.reason).toMatch(/central meridian 111/)
  })
})
