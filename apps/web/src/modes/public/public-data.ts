import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTRPC, useTRPCClient } from '../../api/trpc.ts'
import { type Facility, facilityFromFeature, type StatusChange } from './facility-model.ts'
import type { FacilityFilters, SubDistrictOption } from './Filters.tsx'
import { roadsFromSegments, segmentFromFeature } from './road-model.ts'

/**
 * Every read of the public mode, in one place: the API's shapes are translated into the props the
 * components take, so a change of shape is fixed here and nowhere else.
 */

type PagedLayer = 'facilities' | 'road_segments'
type Filter = { kind?: string[]; status?: string[]; subDistrict?: string; q?: string }

/**
 * Every feature of a layer matching `filter`, read page after page through `nextCursor`: a citizen's
 * list and map never silently stop at one page (features.query returns at most 5000 per call).
 */
function useWholeLayer(layer: PagedLayer, filter: Filter) {
  const client = useTRPCClient()
  return useQuery({
    queryKey: ['public', 'whole-layer', layer, filter],
    queryFn: async (): Promise<GeoJSON.FeatureCollection> => {
      const features: GeoJSON.Feature[] = []
      let cursor: string | undefined
      do {
        const page = await client.features.query.query({ layer, filter, limit: 5000, ...(cursor ? { cursor } : {}) })
        features.push(...(page.features as GeoJSON.Feature[]))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return { type: 'FeatureCollection', features }
    },
    // Typing in the search box keeps the last list on screen instead of flashing empty.
    placeholderData: keepPreviousData,
  })
}

/** Facilities matching the filters; the map and the list show the same answer. */
export function useFacilities(filters: FacilityFilters) {
  const q = filters.q.trim()
  const query = useWholeLayer('facilities', {
    ...(filters.kind ? { kind: [filters.kind] } : {}),
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.subDistrict ? { subDistrict: filters.subDistrict } : {}),
    ...(q ? { q } : {}),
  })
  const collection = query.data
  const facilities = useMemo(() => collection?.features.map(facilityFromFeature) ?? [], [collection])
  return { facilities, collection, loading: query.isPending, error: query.error?.message }
}

/** Every facility, unfiltered: the goal's "not started" list and "near me" read from it. */
export function useAllFacilities(): Facility[] {
  const data = useWholeLayer('facilities', {}).data
  return useMemo(() => data?.features.map(facilityFromFeature) ?? [], [data])
}

/** Every road segment grouped into roads, for road cards, the "not built" list and road search. */
export function useRoads() {
  const query = useWholeLayer('road_segments', {})
  const roads = useMemo(() => roadsFromSegments(query.data?.features.map(segmentFromFeature) ?? []), [query.data])
  return { roads, loading: query.isPending, failed: query.isError }
}

export function useRenewalZones() {
  const trpc = useTRPC()
  return useQuery(trpc.features.query.queryOptions({ layer: 'renewal_zones' })).data as
    GeoJSON.FeatureCollection | undefined
}

/** Sub-districts with their outlines (for one label each and for search). */
export function useSubDistricts(): { options: SubDistrictOption[]; collection: GeoJSON.FeatureCollection | undefined } {
  const trpc = useTRPC()
  const data = useQuery(trpc.features.query.queryOptions({ layer: 'sub_districts' })).data as
    GeoJSON.FeatureCollection | undefined
  const options = useMemo(
    () =>
      (data?.features ?? []).map((f) => {
        const p = f.properties as { code: string; name_zh: string; name_en: string }
        return { code: p.code, name_zh: p.name_zh, name_en: p.name_en }
      }),
    [data],
  )
  return { options, collection: data }
}

/** One facility with its public status history, for the card and the permalink. */
export function useFacility(id: string | undefined) {
  const trpc = useTRPC()
  const query = useQuery({
    ...trpc.features.get.queryOptions({ layer: 'facilities', id: id ?? '' }),
    enabled: !!id,
    retry: false,
  })
  const facility = useMemo(
    () => (query.data ? facilityFromFeature(query.data as GeoJSON.Feature) : undefined),
    [query.data],
  )
  const history = (query.data?.history ?? []).map((h) => ({
    happened_on: h.happened_on,
    from_status: h.from,
    to_status: h.to,
  })) as StatusChange[]
  return { facility, history, loading: query.isPending && !!id, notFound: query.error?.data?.code === 'NOT_FOUND' }
}

/** The public status history of several road segments (a road's card), newest first. */
export function useSegmentHistories(ids: readonly string[]) {
  const client = useTRPCClient()
  const query = useQuery({
    queryKey: ['public', 'segment-histories', ids],
    enabled: ids.length > 0,
    queryFn: async () => {
      // One batched HTTP request (httpBatchLink) for all of a road's segments.
      const answers = await Promise.all(ids.map((id) => client.features.get.query({ layer: 'road_segments', id })))
      return answers
        .flatMap((a) => a.history.map((h) => ({ segment: a.id, happened_on: h.happened_on, from: h.from, to: h.to })))
        .sort((x, y) => (x.happened_on < y.happened_on ? 1 : x.happened_on > y.happened_on ? -1 : 0))
    },
  })
  return query.data ?? []
}

/**
 * Whether the facilities layer still holds the sample data (layer_sources.is_sample).
 * Until the catalogue answers, assume the sample: better a badge too many than a missing one.
 */
export function useIsSample(): boolean {
  const trpc = useTRPC()
  const layers = useQuery(trpc.layers.list.queryOptions()).data
  return layers?.find((l) => l.id === 'facilities')?.isSample ?? true
}

/** progress.summary, the one source of the headline figures, deadline and today's date in the zone. */
export function useProgrammeSummary() {
  const trpc = useTRPC()
  const query = useQuery(trpc.progress.summary.queryOptions())
  return { summary: query.data, failed: query.isError }
}

export type ProgrammeSummary = NonNullable<ReturnType<typeof useProgrammeSummary>['summary']>
export type { Facility }
