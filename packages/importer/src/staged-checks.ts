import type pg from 'pg'
import {
  checkRoadReferences,
  checkZoneReferences,
  findDuplicateIds,
  offsetFromStored,
  repairGeometries,
  type ImportLayer,
} from '@onemap/db/queries/import'
import type { ImportReport, RejectionLog } from './report.ts'

/**
 * The typical offsets, in degrees near the zone, of data in an offset datum read as WGS84 (FACTS.md):
 * GCJ-02 ≈ +0.0062 lon / −0.0010 lat, BD-09 ≈ +0.0127 / +0.0050. The tolerance (≈ 100 m) is well above
 * the scatter of honest re-surveys of the same features and well below the offsets.
 */
const OFFSET_DATUMS = [
  { name: 'GCJ-02', dLon: 0.0062, dLat: -0.001, crs: 'GCJ-02' },
  { name: 'BD-09 (Baidu)', dLon: 0.0127, dLat: 0.005, crs: 'BD-09' },
] as const
const OFFSET_TOLERANCE = 0.001
const OFFSET_MIN_MATCHES = 3

/** Database-side checks of the staged features; adds rejections, repairs and a file-level problem. */
export async function checkStaged(
  client: pg.ClientBase,
  layer: ImportLayer,
  report: ImportReport,
  rejections: RejectionLog,
) {
  for (const note of await findDuplicateIds(client)) rejections.add(note)
  if (rejections.count > 0) return
  const { repaired, rejected } = await repairGeometries(client, layer)
  report.repaired = repaired
  for (const note of rejected) rejections.add(note)
  const references =
    layer === 'road_segments'
      ? await checkRoadReferences(client)
      : layer === 'renewal_units'
        ? await checkZoneReferences(client)
        : []
  for (const note of references) rejections.add(note)
  if (report.crs !== 'EPSG:4326' && report.crs !== 'EPSG:4490') return
  const offset = await offsetFromStored(client, layer)
  if (offset.matched < OFFSET_MIN_MATCHES) return
  for (const datum of OFFSET_DATUMS) {
    if (
      Math.abs(offset.dLon - datum.dLon) < OFFSET_TOLERANCE &&
      Math.abs(offset.dLat - datum.dLat) < OFFSET_TOLERANCE
    ) {
      report.problem =
        `the ${offset.matched} features already stored under the same ids lie on average ` +
        `${offset.dLon.toFixed(4)}° lon / ${offset.dLat.toFixed(4)}° lat away from the file's, the offset of ${datum.name} ` +
        `read as ${report.crs}: the file is most likely ${datum.name}; import it again with --crs ${datum.crs}`
    }
  }
}
