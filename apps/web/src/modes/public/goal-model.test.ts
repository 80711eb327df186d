import { describe, expect, it } from 'vitest'
import type { Facility } from './facility-model.ts'
import { facilitiesNotStarted, facilityLateness, latenessWords, roadsNotBuilt } from './goal-model.ts'
import { roadsFromSegments, type Segment } from './road-model.ts'

const facility = (id: string, over: Partial<Facility>): Facility => ({
  id,
  name_zh: id,
  name_en: id,
  kind: 'school',
  status: 'planned',
  capacity: null,
  capacity_unit: null,
  planned_start: '2021-01-01',
  planned_finish: '2022-01-01',
  actual_start: null,
  actual_finish: null,
  in_programme: true,
  suspended_from: null,
  suspended_since: null,
  position: [113.5, 34.8],
  ...over,
})

const segment = (id: string, road: string, status: Segment['status'], length: number, inProgramme = true): Segment => ({
  id,
  road_id: road,
  name_zh: road,
  name_en: road,
  class: 'branch',
  status,
  length_m: length,
  planned_start: null,
  planned_finish: null,
  actual_start: null,
  actual_finish: null,
  in_programme: inProgramme,
  suspended_from: null,
  suspended_since: null,
  line: [
    [113.5, 34.8],
    [113.51, 34.81],
  ],
})

describe('what the goals leave to do', () => {
  it('lists programme facilities not started, counting one suspended after starting as started', () => {
    const items = [
      facility('a', {}),
      facility('b', { status: 'started' }),
      facility('c', { status: 'suspended', suspended_from: 'started' }),
      facility('d', { status: 'suspended', suspended_from: 'planned' }),
      facility('e', { in_programme: false }),
    ]
    expect(facilitiesNotStarted(items).map((f) => f.id)).toEqual(['a', 'd'])
  })

  it('lists roads with unbuilt programme length, most unbuilt first, and sums km per road', () => {
    const roads = roadsFromSegments([
      segment('x-2', 'x', 'planned', 300),
      segment('x-1', 'x', 'completed', 700),
      segment('y-1', 'y', 'under_construction', 900),
      segment('z-1', 'z', 'planned', 500, false),
      segment('w-1', 'w', 'completed', 400),
    ])
    const x = roads.find((r) => r.id === 'x')
    expect(x?.segments.map((s) => s.id)).toEqual(['x-1', 'x-2'])
    expect([x?.lengthM, x?.builtM, x?.programmeM]).toEqual([1000, 700, 1000])
    expect(roadsNotBuilt(roads).map((r) => r.id)).toEqual(['y', 'x'])
  })

  it('says lateness by the one lateness rule, in days, and nothing for a finished facility', () => {
    const today = '2023-01-11'
    const deadline = '2023-08-02'
    expect(latenessWords(facilityLateness(facility('a', {}), today, deadline))).toEqual({
      key: 'late.notStarted',
      days: 740,
    })
    expect(
      latenessWords(
        facilityLateness(facility('b', { status: 'started', actual_start: '2021-02-01' }), today, deadline),
      ),
    ).toEqual({ key: 'late.unfinished', days: 375 })
    expect(
      latenessWords(
        facilityLateness(
          facility('c', { status: 'suspended', suspended_from: 'started', suspended_since: '2022-12-01' }),
          today,
          deadline,
        ),
      ),
    ).toEqual({
      key: 'late.suspended',
      days: 375,
    })
    expect(
      latenessWords(
        facilityLateness(facility('d', { planned_start: '2024-01-01', planned_finish: '2025-01-01' }), today, deadline),
      ),
    ).toEqual({ key: 'late.onTime', days: 0 })
    expect(latenessWords(facilityLateness(facility('e', { status: 'in_service' }), today, deadline))).toBeNull()
  })
})
