import { useState } from 'react'
import { MapOverlay } from '../../map/MapOverlay.tsx'
import { useGeoJsonLayers } from '../../map/use-geojson-layers.ts'
import { FacilityCard } from './FacilityCard.tsx'
import { FacilityList } from './FacilityList.tsx'
import { type FacilityFilters, Filters, NO_FILTERS } from './Filters.tsx'
import { Headline } from './Headline.tsx'
import { Legend } from './Legend.tsx'
import { FACILITY_LAYERS, RENEWAL_LAYERS } from './public-layers.ts'
import { useFacilities, useFacility, useHeadline, useIsSample, useRenewalZones, useSubDistricts } from './public-data.ts'
import { RoadCard } from './RoadCard.tsx'
import { SampleBadge } from './SampleBadge.tsx'
import { sortFacilities } from './facility-model.ts'
import { useFacilityMapInteraction } from './use-facility-map.ts'
import { useTranslation } from 'react-i18next'

/** The public progress site: headline, filters, list and card beside the map of facilities by status. */
export function PublicMode({ facilityId, roadId }: { facilityId: string | undefined; roadId: string | undefined }) {
  const { i18n } = useTranslation()
  const [filters, setFilters] = useState<FacilityFilters>(NO_FILTERS)
  const { facilities, collection, loading, error } = useFacilities(filters)
  const selected = useFacility(facilityId)
  const headline = useHeadline()
  const isSample = useIsSample()
  const subDistricts = useSubDistricts()

  useGeoJsonLayers('public-renewal', useRenewalZones(), RENEWAL_LAYERS)
  useGeoJsonLayers('public-facilities', collection, FACILITY_LAYERS)
  useFacilityMapInteraction(selected.facility)

  return (
    <>
      <Headline figures={headline.figures} failed={headline.failed} />
      {isSample && !facilityId && <SampleBadge />}
      {facilityId && (
        <FacilityCard
          id={facilityId}
          facility={selected.facility}
          history={selected.history}
          loading={selected.loading}
          notFound={selected.notFound}
          isSample={isSample}
        />
      )}
      {roadId && <RoadCard id={roadId} />}
      <Filters value={filters} onChange={setFilters} subDistricts={subDistricts} />
      <FacilityList items={sortFacilities(facilities, i18n.language)} selectedId={facilityId} loading={loading} error={error} />
      <MapOverlay>
        <Legend />
      </MapOverlay>
    </>
  )
}
