import type { SourceCrs } from './crs.ts'

/**
 * Recognises the CRS of a Shapefile's .prj (WKT1, ESRI or OGC flavour) among the CRSs the importer
 * accepts. We compare the parameters that tell them apart — datum, projection, central meridian,
 * false easting — rather than names, because every GIS names CGCS2000 Gauss-Krüger differently
 * ("CGCS2000_3_Degree_GK_CM_114E", "CGCS2000 / 3-degree Gauss-Kruger CM 114E", …).
 * Returns undefined with a reason when the .prj describes anything else.
 */
export function crsFromPrj(wkt: string): { crs: SourceCrs } | { crs: undefined; reason: string } {
  const text = wkt.replace(/\s+/g, ' ')
  const authority =
    /AUTHORITY\["EPSG","?(\d+)"?\]\s*\]\s*$/i.exec(text)?.[1] ?? /ID\["EPSG",(\d+)\]\s*\]\s*$/i.exec(text)?.[1]
  if (authority === '4490' || authority === '4326' || authority === '4547' || authority === '4526') {
    return { crs: `EPSG:${authority}` }
  }
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\["([^"]*)"/i.exec(text)?.[1] ?? 'unnamed CRS'
  const cgcs = /china[ _]?geodetic[ _]?coordinate[ _]?system[ _]?2000|cgcs[ _]?2000|CGCS_2000/i.test(text)
  const wgs84 = /WGS[ _]?(19)?84/i.test(text)
  const projected = /^\s*(PROJCS|PROJCRS)\[/i.test(text)
  if (!projected) {
    if (cgcs) return { crs: 'EPSG:4490' }
    if (wgs84) return { crs: 'EPSG:4326' }
    return { crs: undefined, reason: `the .prj describes '${name}', a geographic CRS other than CGCS2000 or WGS84` }
  }
  const param = (key: RegExp) => {
    const m = new RegExp(`PARAMETER\\["(?:${key.source})",\\s*(-?[\\d.eE+]+)`, 'i').exec(text)
    return m ? Number(m[1]) : undefined
  }
  const transverseMercator = /PROJECTION\["(Transverse_Mercator|Gauss_Kruger)"|METHOD\["Transverse Mercator"/i.test(
    text,
  )
  const centralMeridian = param(/central_meridian|Longitude of natural origin/)
  const falseEasting = param(/false_easting/)
  if (cgcs && transverseMercator && centralMeridian === 114) {
    if (falseEasting === 500000) return { crs: 'EPSG:4547' }
    if (falseEasting === 38500000) return { crs: 'EPSG:4526' }
  }
  return {
    crs: undefined,
    reason:
      `the .prj describes '${name}' (central meridian ${centralMeridian ?? '?'}, false easting ${falseEasting ?? '?'}); ` +
      'OneMap reads CGCS2000 3-degree Gauss-Krüger CM 114°E (EPSG:4547 or EPSG:4526), EPSG:4490 and EPSG:4326',
  }
}
