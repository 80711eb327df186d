import type { RoadItemRow } from '@onemap/db/queries/progress'
import { roadFacts } from './progress-data.ts'

/**
 * A road segment as every table shows it (roads.unbuilt, the planner's analysis): its attributes, length to
 * 0.1 m, sub-district and planned dates, with its schedule and lateness facts on `today`.
 */
export function segmentRow(r: RoadItemRow, today: string, deadline: string) {
  return {
    id: r.id,
    roadId: r.roadId,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    roadClass: r.roadClass,
    status: r.status,
    version: r.version,
    lengthM: Math.round(r.lengthM * 10) / 10,
    subDistrictCode: r.subDistrictCode,
    subDistrictName: r.subDistrictName,
    plannedStart: r.plannedStart,
    plannedFinish: r.plannedFinish,
    ...roadFacts(r, today, deadline),
  }
}
