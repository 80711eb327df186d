import type { Database } from '../../database.ts'
import { anchorPoint, areaOf } from '../places.ts'

/** What the brief's map draws: programme items with status, the area outline, and whether the layers are samples. */
export interface BriefGeometry {
  /** GeoJSON geometry (lon/lat, 5 decimals ≈ 1 m) of the area: the sub-district, or the zone. */
  outline: unknown
  segments: { id: string; status: string; geometry: unknown }[]
  facilities: { id: string; status: string; geometry: unknown }[]
  isSample: boolean
}

/** Programme segments and facilities placed in `subDistrict` (null: the whole zone) by the rule of places.ts. */
export async function briefGeometry(db: Database, subDistrict: string | null): Promise<BriefGeometry> {
  const inArea = (layer: 'road_segments' | 'facilities', alias: string) =>
    `($1::text IS NULL OR ${areaOf('sub_districts', anchorPoint(layer, alias) as string)} = $1)`
  const [outline, segments, facilities, sample] = await Promise.all([
    db.query<{ g: unknown }>(
      `SELECT ST_AsGeoJSON(geom, 5)::json AS g FROM sub_districts WHERE code = $1
       UNION ALL SELECT ST_AsGeoJSON(geom, 5)::json FROM zone_boundary WHERE $1::text IS NULL LIMIT 1`,
      [subDistrict],
    ),
    db.query<{ id: string; status: string; geometry: unknown }>(
      `SELECT s.id, s.status, ST_AsGeoJSON(s.geom, 5)::json AS geometry FROM road_segments s
        WHERE s.in_programme AND ${inArea('road_segments', 's')} ORDER BY s.id`,
      [subDistrict],
    ),
    db.query<{ id: string; status: string; geometry: unknown }>(
      `SELECT f.id, f.status, ST_AsGeoJSON(f.geom, 5)::json AS geometry FROM facilities f
        WHERE f.in_programme AND ${inArea('facilities', 'f')} ORDER BY f.id`,
      [subDistrict],
    ),
    db.query<{ sample: boolean }>(
      `SELECT coalesce(bool_or(is_sample), false) AS sample FROM layer_sources WHERE layer IN ('road_segments', 'facilities')`,
    ),
  ])
  return {
    outline: outline.rows[0]?.g ?? null,
    segments: segments.rows,
    facilities: facilities.rows,
    isSample: sample.rows[0]?.sample ?? false,
  }
}

/** The sub-district's names, or null when there is none with that code. */
export async function subDistrictName(db: Database, code: string): Promise<{ nameZh: string; nameEn: string } | null> {
  const { rows } = await db.query<{ nameZh: string; nameEn: string }>(
    'SELECT name_zh AS "nameZh", name_en AS "nameEn" FROM sub_districts WHERE code = $1',
    [code],
  )
  return rows[0] ?? null
}
