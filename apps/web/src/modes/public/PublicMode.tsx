import './public.css'
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { useTRPC } from '../../api/trpc.ts'
import { MapOverlay } from '../../map/MapOverlay.tsx'
import { useGeoJsonLayers } from '../../map/use-geojson-layers.ts'
import type { Language } from '../../i18n/setup.ts'
import { FacilityList, type ListScope } from './FacilityList.tsx'
import { type FacilityFilters, Filters, NO_FILTERS } from './Filters.tsx'
import { sortFacilities } from './facility-model.ts'
import { facilitiesNotStarted, roadsNotBuilt } from './goal-model.ts'
import { Headline, type RemainingList } from './Headline.tsx'
import { Legend } from './Legend.tsx'
import { NearMe } from './NearMe.tsx'
import {
  facilityLayers,
  NEAR_ME_LAYERS,
  NEAR_READER_LAYERS,
  RENEWAL_LAYERS,
  SELECTION_LAYERS,
  subDistrictLabelLayers,
} from './public-layers.ts'
import {
  useAllFacilities,
  useFacilities,
  useFacility,
  useIsSample,
  useProgrammeSummary,
  useRenewalZones,
  useRoads,
  useSubDistricts,
} from './public-data.ts'
import { RoadList } from './RoadList.tsx'
import { SampleBadge } from './SampleBadge.tsx'
import { NEAR_RADIUS_KM, useDistances, useNearMe } from './use-near-me.ts'
import { useNearMeView, usePreloadWhenIdle, usePublicMap, useSubDistrictLabelPoints } from './use-public-map.ts'
import { useQuery } from '@tanstack/react-query'

// Cards and search matches load on first use (and are fetched once the map is idle, so a tap opens
// them at once): the first load carries only what the first view shows.
const FacilityCard = lazy(() => import('./FacilityCard.tsx').then((m) => ({ default: m.FacilityCard })))
const RoadCard = lazy(() => import('./RoadCard.tsx').then((m) => ({ default: m.RoadCard })))
const SearchMatches = lazy(() => import('./SearchMatches.tsx').then((m) => ({ default: m.SearchMatches })))
export function preloadPublicChunks() {
  void import('./FacilityCard.tsx')
  void import('./RoadCard.tsx')
  void import('./SearchMatches.tsx')
}

/** The open facility as a one-point collection for its ring; empty when no facility is open. */
const NO_FEATURES: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] }

function selectionOf(facility: { position: [number, number] } | undefined): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: facility
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: facility.position }, properties: {} }]
      : [],
  }
}

const matches = (q: string, ...names: string[]) => names.some((n) => n.toLowerCase().includes(q))

/**
 * The public progress site: the goal in words with what remains, search and filters, the list of
 * facilities (programme items first), cards as a bottom sheet on a phone, and the map of roads and
 * facilities by status.
 */
export function PublicMode({ facilityId, roadId }: { facilityId: string | undefined; roadId: string | undefined }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const trpc = useTRPC()
  const [filters, setFilters] = useState<FacilityFilters>(NO_FILTERS)
  const [scope, setScope] = useState<ListScope>('programme')
  const [remainingRoads, setRemainingRoads] = useState(false)
  const { facilities, collection, loading, error } = useFacilities(filters)
  const all = useAllFacilities()
  const { roads, loading: roadsLoading } = useRoads()
  const selected = useFacility(facilityId)
  const { summary, failed } = useProgrammeSummary()
  const isSample = useIsSample()
  const subDistricts = useSubDistricts()
  const zone = useQuery(trpc.features.query.queryOptions({ layer: 'zone_boundary' })).data as
    GeoJSON.FeatureCollection | undefined
  const near = useNearMe(zone)

  // A road permalink names a road; an older one named a segment: open the segment's road.
  const road = roadId
    ? (roads.find((r) => r.id === roadId) ?? roads.find((r) => r.segments.some((s) => s.id === roadId)))
    : undefined
  // The list's copy of the facility shows at once; the card fills in its history when get answers.
  const facility = selected.facility ?? all.find((f) => f.id === facilityId)

  useGeoJsonLayers('public-renewal', useRenewalZones(), RENEWAL_LAYERS)
  useGeoJsonLayers('public-facilities', collection, facilityLayers(lang))
  useGeoJsonLayers(
    'public-selection',
    useMemo(() => selectionOf(facility), [facility]),
    SELECTION_LAYERS,
  )
  useGeoJsonLayers(
    'public-sub-district-labels',
    useSubDistrictLabelPoints(subDistricts.collection),
    subDistrictLabelLayers(lang),
  )
  // Near me draws the reader and the circle around them, and brings both into view; nothing while not found.
  const nearArea = near.state.status === 'found' ? near.state.area : undefined
  useGeoJsonLayers('public-near-me', nearArea?.features ?? NO_FEATURES, NEAR_ME_LAYERS)
  useGeoJsonLayers('public-near-reader', nearArea?.features ?? NO_FEATURES, NEAR_READER_LAYERS, true)
  useNearMeView(nearArea?.bounds)
  usePublicMap(facility, road)
  usePreloadWhenIdle(preloadPublicChunks)

  // On a phone the card is a bottom sheet over the page: bring the map (at the top) back into view.
  useEffect(() => {
    if ((facilityId || roadId) && matchMedia('(max-width: 899px)').matches) window.scrollTo({ top: 0 })
  }, [facilityId, roadId])

  // Escape closes an open card (as its × does), from anywhere but a form field.
  const [, navigate] = useLocation()
  useEffect(() => {
    if (!facilityId && !roadId) return
    const close = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement))
        navigate('/')
    }
    document.addEventListener('keydown', close)
    return () => document.removeEventListener('keydown', close)
  }, [facilityId, roadId, navigate])

  const q = filters.q.trim().toLowerCase()
  const listed = useMemo(() => {
    if (scope === 'notStarted') return facilitiesNotStarted(all)
    return scope === 'all' ? facilities : facilities.filter((f) => f.in_programme)
  }, [scope, all, facilities])
  const distances = useDistances(listed, near.state)
  const items = useMemo(
    () =>
      distances
        ? [...listed].sort((a, b) => (distances.get(a.id) ?? 0) - (distances.get(b.id) ?? 0))
        : sortFacilities(listed, lang),
    [listed, distances, lang],
  )
  const roadMatches = q ? roads.filter((r) => matches(q, r.name_zh, r.name_en)) : []
  const subDistrictMatches = q ? subDistricts.options.filter((s) => matches(q, s.name_zh, s.name_en)) : []
  const area = subDistricts.options.find((s) => s.code === filters.subDistrict)
  const subDistrictFeed = area && {
    href: `/feeds/sub-district/${area.code}.atom?lang=${lang}`,
    title: t('feeds.subDistrict', { name: lang === 'zh' ? area.name_zh : area.name_en }),
  }
  const showRemaining = (list: RemainingList) => {
    if (list === 'roads') setRemainingRoads(true)
    else setScope('notStarted')
    document.getElementById('public-lists')?.scrollIntoView({ block: 'start' })
  }

  return (
    <>
      <link
        rel="alternate"
        type="application/atom+xml"
        href={`/feeds/programme.atom?lang=${lang}`}
        title={t('feeds.programme')}
      />
      <Suspense fallback={null}>
        {facilityId && (
          <FacilityCard
            id={facilityId}
            facility={facility}
            history={selected.history}
            loading={selected.loading}
            notFound={selected.notFound}
            isSample={isSample}
            today={summary?.today}
            deadline={summary?.programme.deadline}
          />
        )}
        {roadId && (
          <RoadCard
            id={roadId}
            road={road}
            loading={roadsLoading}
            today={summary?.today}
            deadline={summary?.programme.deadline}
          />
        )}
      </Suspense>
      <Headline
        summary={summary}
        failed={failed}
        others={all.filter((f) => !f.in_programme).length}
        onShowRemaining={showRemaining}
      />
      {isSample && <SampleBadge />}
      <Filters value={filters} onChange={setFilters} subDistricts={subDistricts.options} />
      {subDistrictFeed && (
        <p className="subscribe">
          <link rel="alternate" type="application/atom+xml" href={subDistrictFeed.href} title={subDistrictFeed.title} />
          <a href={subDistrictFeed.href} type="application/atom+xml" data-testid="sub-district-feed">
            {subDistrictFeed.title}
          </a>
        </p>
      )}
      <NearMe state={near.state} onLocate={near.locate} onClear={near.clear} />
      <div id="public-lists">
        {(roadMatches.length > 0 || subDistrictMatches.length > 0) && (
          <Suspense fallback={null}>
            <SearchMatches
              roads={roadMatches}
              subDistricts={subDistrictMatches}
              onSubDistrict={(code) => setFilters({ ...filters, q: '', subDistrict: code })}
            />
          </Suspense>
        )}
        {remainingRoads && (
          <RoadList
            roads={roadsNotBuilt(roads)}
            title={t('list.roadsNotBuiltTitle')}
            testId="roads-not-built"
            onClose={() => setRemainingRoads(false)}
          />
        )}
        <FacilityList
          items={items}
          scope={scope}
          others={facilities.filter((f) => !f.in_programme).length}
          onScope={setScope}
          distancesKm={distances}
          selectedId={facilityId}
          loading={loading}
          error={error}
        />
      </div>
      <MapOverlay>
        <Legend nearKm={nearArea ? NEAR_RADIUS_KM : null} />
      </MapOverlay>
    </>
  )
}
