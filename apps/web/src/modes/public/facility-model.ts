import { FACILITY_KINDS, FACILITY_STATUSES, type FacilityKind, type FacilityStatus } from '@onemap/domain/values'

/** A facility as the public list and card show it: public fields only, position in degrees (CGCS2000). */
export interface Facility {
  id: string
  name_zh: string
  name_en: string
  kind: FacilityKind
  status: FacilityStatus
  capacity: number | null
  capacity_unit: 'seats' | 'beds' | 'places' | null
  planned_start: string | null
  planned_finish: string | null
  actual_start: string | null
  actual_finish: string | null
  /** Listed in the 2020 three-year programme (列入三年计划). */
  in_programme: boolean
  /** Status held before the current suspension, and the day it began; null unless suspended. */
  suspended_from: string | null
  suspended_since: string | null
  /** The revised plan (调整计划) beside the 2020 baseline; absent or null until one is recorded. */
  revised_start?: string | null
  revised_finish?: string | null
  /** [longitude, latitude] */
  position: [number, number]
}

/** One public status change: when it happened on site, and from/to which status. */
export interface StatusChange {
  happened_on: string
  from_status: FacilityStatus | null
  to_status: FacilityStatus
}

/** A non-empty text property, or null. */
export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Reads one GeoJSON point feature of the facilities layer; anything malformed is an error naming the id. */
export function facilityFromFeature(feature: GeoJSON.Feature): Facility {
  const p = (feature.properties ?? {}) as Record<string, unknown>
  const id = str(p.id) ?? String(feature.id ?? '')
  if (feature.geometry?.type !== 'Point') throw new Error(`Facility '${id}' has no point geometry`)
  const [lon, lat] = feature.geometry.coordinates as [number, number]
  const kind = p.kind as FacilityKind
  const status = p.status as FacilityStatus
  if (!FACILITY_KINDS.includes(kind)) throw new Error(`Facility '${id}' has unknown kind '${String(p.kind)}'`)
  if (!FACILITY_STATUSES.includes(status)) throw new Error(`Facility '${id}' has unknown status '${String(p.status)}'`)
  const unit = str(p.capacity_unit)
  return {
    id,
    name_zh: str(p.name_zh) ?? id,
    name_en: str(p.name_en) ?? str(p.name_zh) ?? id,
    kind,
    status,
    capacity: typeof p.capacity === 'number' ? p.capacity : null,
    capacity_unit: unit === 'seats' || unit === 'beds' || unit === 'places' ? unit : null,
    planned_start: str(p.planned_start),
    planned_finish: str(p.planned_finish),
    actual_start: str(p.actual_start),
    actual_finish: str(p.actual_finish),
    in_programme: p.in_programme === true,
    suspended_from: str(p.suspended_from),
    suspended_since: str(p.suspended_since),
    revised_start: str(p.revised_start),
    revised_finish: str(p.revised_finish),
    position: [lon, lat],
  }
}

/** The facility's name in the page language. */
export function facilityName(f: Pick<Facility, 'name_zh' | 'name_en'>, language: string): string {
  return language === 'zh' ? f.name_zh : f.name_en
}

/** Sorts for the list: by the page language's collation, so Chinese sorts by pinyin and English by letter. */
export function sortFacilities(items: readonly Facility[], language: string): Facility[] {
  const collator = new Intl.Collator(language === 'zh' ? 'zh-CN' : 'en')
  return [...items].sort((a, b) => collator.compare(facilityName(a, language), facilityName(b, language)))
}
