import { describe, expect, it } from 'vitest'
import { facilityFromFeature, sortFacilities } from './facility-model.ts'

const feature = (properties: Record<string, unknown>, coordinates = [113.53, 34.81]): GeoJSON.Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
})

describe('facilityFromFeature', () => {
  it('reads public fields and the position', () => {
    const f = facilityFromFeature(
      feature({
        id: 'f-1',
        name_zh: '郑州中学',
        name_en: 'Zhengzhou High School',
        kind: 'school',
        status: 'started',
        capacity: 2400,
        capacity_unit: 'seats',
        planned_start: '2021-03-01',
      }),
    )
    expect(f).toMatchObject({
      id: 'f-1',
      kind: 'school',
      status: 'started',
      capacity: 2400,
      capacity_unit: 'seats',
      planned_start: '2021-03-01',
      actual_start: null,
      position: [113.53, 34.81],
    })
  })

  it('reads a revised plan beside the baseline, and none when none is recorded', () => {
    const revised = facilityFromFeature(
      feature({
        id: 'f-3',
        kind: 'school',
        status: 'planned',
        planned_finish: '2022-08-31',
        revised_start: '2026-03-01',
        revised_finish: '2027-08-31',
      }),
    )
    expect(revised).toMatchObject({
      planned_finish: '2022-08-31',
      revised_start: '2026-03-01',
      revised_finish: '2027-08-31',
    })
    expect(facilityFromFeature(feature({ id: 'f-4', kind: 'school', status: 'planned' }))).toMatchObject({
      revised_start: null,
      revised_finish: null,
    })
  })

  it('refuses an unknown status, naming the facility', () => {
    expect(() => facilityFromFeature(feature({ id: 'f-2', kind: 'school', status: 'demolished' }))).toThrow(
      /f-2.*demolished/,
    )
  })
})

describe('sortFacilities', () => {
  it('sorts Chinese names by pinyin and English names alphabetically', () => {
    const items = [
      facilityFromFeature(
        feature({ id: 'a', name_zh: '中心医院', name_en: 'Central Hospital', kind: 'hospital', status: 'planned' }),
      ),
      facilityFromFeature(
        feature({ id: 'b', name_zh: '安康小学', name_en: 'Ankang Primary', kind: 'school', status: 'planned' }),
      ),
    ]
    expect(sortFacilities(items, 'zh').map((f) => f.id)).toEqual(['b', 'a'])
    expect(sortFacilities(items, 'en').map((f) => f.id)).toEqual(['b', 'a'])
  })
})
