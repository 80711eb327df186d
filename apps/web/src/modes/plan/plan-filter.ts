import type { FeatureFilter } from '@onemap/domain/layer-filters'
import type { ScheduleState } from '@onemap/domain/schedule'

/** Statuses of a segment that is not built yet. */
export const UNBUILT_STATUSES = ['planned', 'under_construction', 'suspended'] as const

/** Schedule states the filter bar offers (the rest, done and on track, are not a planner's worry). */
export const SCHEDULE_CHOICES = ['overdue', 'at_risk', 'late'] as const satisfies readonly ScheduleState[]

/** The filter bar's state; empty strings and lists mean "any". */
export interface PlanFilter {
  status: string[]
  roadClass: string[]
  /** NBS code of a sub-district. */
  subDistrict: string
  /** `zone:<id>` or `unit:<id>` of the renewal zone or one of its units. */
  area: string
  schedule: ScheduleState[]
  plannedFrom: string
  plannedTo: string
  /** River management zone: within `distanceM` metres of the river. */
  riverZone: { riverId: string; distanceM: number } | null
}

export const EMPTY_FILTER: PlanFilter = {
  status: [],
  roadClass: [],
  subDistrict: '',
  area: '',
  schedule: [],
  plannedFrom: '',
  plannedTo: '',
  riverZone: null,
}

/** The part of the filter that tiles and features.query understand. */
export function toFeatureFilter(f: PlanFilter): FeatureFilter {
  const out: FeatureFilter = {}
  if (f.status.length) out.status = [...f.status].sort()
  if (f.roadClass.length) out.class = [...f.roadClass].sort()
  if (f.subDistrict) out.subDistrict = f.subDistrict
  if (f.area.startsWith('zone:')) out.renewalZone = f.area.slice(5)
  if (f.area.startsWith('unit:')) out.renewalUnit = f.area.slice(5)
  if (f.plannedFrom) out.plannedFrom = f.plannedFrom
  if (f.plannedTo) out.plannedTo = f.plannedTo
  return out
}

/** The analysis API's selection for the filter: the feature filter plus schedule and river zone. */
export function toSelection(f: PlanFilter) {
  return {
    filter: toFeatureFilter(f),
    ...(f.schedule.length ? { schedule: [...f.schedule].sort() } : {}),
    ...(f.riverZone ? { riverZone: f.riverZone } : {}),
  }
}

/** The 设施 tab's filter; empty strings and lists mean "any". */
export interface FacilityFilter {
  kind: string[]
  status: string[]
  subDistrict: string
  programme: '' | 'in' | 'context'
  schedule: ScheduleState[]
}

export const EMPTY_FACILITY_FILTER: FacilityFilter = {
  kind: [],
  status: [],
  subDistrict: '',
  programme: '',
  schedule: [],
}

/** The analysis API's selection for a facility filter (the table and its export take the same). */
export function facilitySelection(f: FacilityFilter) {
  return {
    filter: {
      ...(f.kind.length ? { kind: [...f.kind].sort() } : {}),
      ...(f.status.length ? { status: [...f.status].sort() } : {}),
      ...(f.subDistrict ? { subDistrict: f.subDistrict } : {}),
    },
    ...(f.schedule.length ? { schedule: [...f.schedule].sort() } : {}),
    ...(f.programme ? { inProgramme: f.programme === 'in' } : {}),
  }
}

/** True when some of the filter is computed by the analysis only, so the map must filter by id too. */
export function needsIdFilter(f: PlanFilter): boolean {
  return f.schedule.length > 0 || f.riverZone !== null
}

const TILE_PARAM_ORDER = [
  'status',
  'class',
  'subDistrict',
  'renewalZone',
  'renewalUnit',
  'plannedFrom',
  'plannedTo',
] as const

/** Query string of the tile and TileJSON routes for a feature filter, in a fixed order (one cache key per filter). */
export function tileQuery(filter: FeatureFilter): string {
  const search = new URLSearchParams()
  for (const param of TILE_PARAM_ORDER) {
    const value = filter[param]
    if (value !== undefined) search.set(param, Array.isArray(value) ? value.join(',') : value)
  }
  return search.toString()
}
