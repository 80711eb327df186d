/**
 * The invented 督办 sample written at seed time (is_sample = true, labelled in the UI; data/PROVENANCE.md).
 * Lead units follow how the zone divides work: schools and kindergartens → 教育局, hospitals and clinics →
 * 卫健委, expressways and arterials → 建设局 with the sub-district as co-unit, other roads → the
 * sub-district office holding the segment's midpoint. Investments (万元) are rough unit costs times size:
 * per metre of road by class, per facility by kind; completed investment follows the status.
 */
export const SAMPLE_RESPONSIBILITY_SQL = `
WITH sd_unit AS (SELECT id, sub_district FROM units WHERE kind = 'sub_district'),
segs AS (
  SELECT s.id, r.class, s.status, s.length_m,
         (SELECT u.id FROM sd_unit u JOIN sub_districts d ON d.code = u.sub_district
           WHERE ST_Intersects(d.geom, ST_LineInterpolatePoint(s.geom, 0.5)) ORDER BY d.code LIMIT 1) AS sd
    FROM road_segments s JOIN roads r ON r.id = s.road_id
   WHERE s.in_programme),
seg_rows AS (
  SELECT 'road_segment' AS entity, id,
         CASE WHEN class IN ('expressway', 'arterial') OR sd IS NULL THEN 'bureau-build' ELSE sd END AS lead,
         CASE WHEN class IN ('expressway', 'arterial') AND sd IS NOT NULL THEN ARRAY[sd] ELSE '{}'::text[] END AS co,
         round((length_m * CASE class WHEN 'expressway' THEN 8 WHEN 'arterial' THEN 3 WHEN 'secondary' THEN 1.5 ELSE 0.8 END)::numeric, -1) AS planned,
         CASE status WHEN 'completed' THEN 1 WHEN 'under_construction' THEN 0.5 WHEN 'suspended' THEN 0.3 ELSE 0 END AS done_share,
         CASE WHEN class IN ('expressway', 'arterial') THEN '专项债' ELSE '区级财政' END AS funding
    FROM segs),
fac_rows AS (
  SELECT 'facility' AS entity, f.id,
         CASE WHEN f.kind IN ('school', 'kindergarten') THEN 'bureau-edu' ELSE 'bureau-health' END AS lead,
         coalesce((SELECT ARRAY[u.id] FROM sd_unit u JOIN sub_districts d ON d.code = u.sub_district
                    WHERE ST_Intersects(d.geom, f.geom) ORDER BY d.code LIMIT 1), '{}'::text[]) AS co,
         (CASE f.kind WHEN 'school' THEN 8000 WHEN 'kindergarten' THEN 1500 WHEN 'hospital' THEN 60000 WHEN 'clinic' THEN 1200 ELSE 5000 END)::numeric AS planned,
         CASE f.status WHEN 'in_service' THEN 1 WHEN 'completed' THEN 1 WHEN 'started' THEN 0.4 WHEN 'suspended' THEN 0.2 ELSE 0 END AS done_share,
         CASE WHEN f.kind = 'hospital' THEN '专项债' ELSE '区级财政' END AS funding
    FROM facilities f WHERE f.in_programme)
INSERT INTO item_responsibility (entity, entity_id, lead_unit, co_units, planned_investment, completed_investment, funding_source, is_sample, updated_by)
SELECT entity, id, lead, co, planned, round(planned * done_share, 0), funding, true, $1
  FROM (SELECT * FROM seg_rows UNION ALL SELECT * FROM fac_rows) x
 WHERE EXISTS (SELECT 1 FROM units WHERE id = x.lead)`

/** Inserts units from $1, a JSON array of parsed CSV rows (domain UnitInput); $2 is the actor. */
export const SAMPLE_UNITS_SQL = `INSERT INTO units (id, kind, name_zh, name_en, sub_district, contact_name, contact_phone, is_sample, updated_by)
  SELECT r.id, r.kind, r."nameZh", r."nameEn", r."subDistrict", r."contactName", r."contactPhone", r."isSample", $2
    FROM json_to_recordset($1::json) AS r(id text, kind text, "nameZh" text, "nameEn" text, "subDistrict" text,
         "contactName" text, "contactPhone" text, "isSample" boolean)`
