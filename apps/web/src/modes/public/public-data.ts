import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTRPC } from '../../api/trpc.ts'
import { type Facility, facilityFromFeature, type StatusChange } from './facility-model.ts'
import type { FacilityFilters, SubDistrictOption } from './Filters.tsx'
import type { HeadlineFigures } from './Headline.tsx'

/**
 * Every read of the public mode, in one place: the API's shapes are translated into the props the
 * components take, so a change of shape is fixed here and nowhere else.
 */

/** Facilities matching the filters; the map and the list show the same answer. */
export function useFacilities(filters: FacilityFilters) {
  const trpc = useTRPC()
  const q = filters.q.trim()
  const query = useQuery({
    ...trpc.features.query.queryOptions({
      layer: 'facilities',
      filter: {
        ...(filters.kind ? { kind: [filters.kind] } : {}),
        ...(filters.status ? { status: [filters.status] } : {}),
        ...(filters.subDistrict ? { subDistrict: filters.subDistrict } : {}),
        ...(q ? { q } : {}),
      },
      limit: 5000,
    }),
    // Typing in the search box keeps the last list on screen instead of flashing empty.
    placeholderData: keepPreviousData,
  })
  const collection = query.data as GeoJSON.FeatureCollection | undefined
  const facilities = useMemo(() => collection?.features.map(facilityFromFeature) ?? [], [collection])
  return { facilities, collection, loading: query.isPending, error: query.error?.message }
}

export function useRenewalZones() {
  const trpc = useTRPC()
  return useQuery(trpc.features.query.queryOptions({ layer: 'renewal_zones' })).data as GeoJSON.FeatureCollection | undefined
}

export function useSubDistricts(): SubDistrictOption[] {
  const trpc = useTRPC()
  const data = useQuery(trpc.features.query.queryOptions({ layer: 'sub_districts' })).data as GeoJSON.FeatureCollection | undefined
  return useMemo(
    () =>
      (data?.features ?? []).map((f) => {
        const p = f.properties as { code: string; name_zh: string; name_en: string }
        return { code: p.code, name_zh: p.name_zh, name_en: p.name_en }
      }),
    [data],
  )
}

/** One facility with its public status history, for the card and the permalink. */
export function useFacility(id: string | undefined) {
  const trpc = useTRPC()
  const query = useQuery({ ...trpc.features.get.queryOptions({ layer: 'facilities', id: id ?? '' }), enabled: !!id, retry: false })
  const facility = useMemo(() => (query.data ? facilityFromFeature(query.data as GeoJSON.Feature) : undefined), [query.data])
  const history = (query.data?.history ?? []).map((h) => ({ happened_on: h.happened_on, from_status: h.from, to_status: h.to })) as StatusChange[]
  return { facility, history, loading: query.isPending && !!id, notFound: query.error?.data?.code === 'NOT_FOUND' }
}

/**
 * Whether the facilities layer still holds the sample data (layer_sources.is_sample). The catalogue
 * does not report it yet; until it does the badge stays on, since only the sample is ever seeded and
 * hiding the warning on authoritative-looking sample data would be the worse mistake.
 */
export function useIsSample(): boolean {
  const trpc = useTRPC()
  const layers = useQuery(trpc.layers.list.queryOptions()).data
  // Until the catalogue answers, assume the sample: better a badge too many than a missing one.
  return layers?.find((l) => l.id === 'facilities')?.isSample ?? true
}

export function useHeadline() {
  const trpc = useTRPC()
  const query = useQuery(trpc.progress.summary.queryOptions())
  const s = query.data
  const figures: HeadlineFigures | undefined = s && {
    facilitiesStarted: s.facilities.started,
    facilitiesPlanned: s.facilities.planned,
    roadsBuiltKm: s.roads.completedM / 1000,
    roadsPlannedKm: s.roads.plannedM / 1000,
    // 数据截至: the newest recorded change, or the moment of the answer when nothing was ever recorded.
    asOf: s.dataChangedAt ?? s.asOf,
  }
  return { figures, failed: query.isError }
}

export type { Facility }

/** A road segment's public fields, for /road/:id. */
export function useRoadSegment(id: string) {
  const trpc = useTRPC()
  const query = useQuery({ ...trpc.features.get.queryOptions({ layer: 'road_segments', id }), retry: false })
  const p = query.data?.properties as
    | { name_zh: string; name_en: string; class: string; status: string; length_m: number; planned_start: string | null; planned_finish: string | null }
    | undefined
  return { road: p, loading: query.isPending, notFound: query.error?.data?.code === 'NOT_FOUND' }
}
