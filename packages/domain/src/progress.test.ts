import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, monthEnd, monthStarts } from './dates.ts'
import { facilityGoal, replayStatuses, roadGoal, type ReplayEvent } from './progress.ts'
import { goalTimeline } from './timeline.ts'

describe('roadGoal', () => {
  it('divides completed by planned programme length (hand-computed: 1500 / 4000 = 0.375)', () => {
    const g = roadGoal([
      { id: 'a', lengthM: 1000, status: 'completed', inProgramme: true },
      { id: 'b', lengthM: 500, status: 'completed', inProgramme: true },
      { id: 'c', lengthM: 2000, status: 'under_construction', inProgramme: true },
      { id: 'd', lengthM: 500, status: 'suspended', inProgramme: true },
      { id: 'e', lengthM: 9999, status: 'completed', inProgramme: false },
    ])
    expect(g).toEqual({ plannedM: 4000, completedM: 1500, ratio: 0.375 })
  })

  it('has no ratio when nothing is planned', () => {
    expect(roadGoal([]).ratio).toBeNull()
  })
})

describe('facilityGoal', () => {
  it('counts started, completed, in service and suspended-after-start as started, per kind', () => {
    const g = facilityGoal([
      { id: '1', kind: 'school', status: 'planned', inProgramme: true },
      { id: '2', kind: 'school', status: 'started', inProgramme: true },
      { id: '3', kind: 'school', status: 'in_service', inProgramme: true },
      { id: '4', kind: 'hospital', status: 'suspended', suspendedFrom: 'started', inProgramme: true },
      { id: '5', kind: 'hospital', status: 'suspended', suspendedFrom: 'planned', inProgramme: true },
      { id: '6', kind: 'clinic', status: 'in_service', inProgramme: false },
    ])
    expect(g.planned).toBe(5)
    expect(g.started).toBe(3)
    expect(g.ratio).toBeCloseTo(0.6)
    expect(g.byKind.school).toEqual({ planned: 3, started: 2, ratio: 2 / 3 })
    expect(g.byKind.hospital).toEqual({ planned: 2, started: 1, ratio: 0.5 })
    expect(g.byKind.clinic).toEqual({ planned: 0, started: 0, ratio: null })
  })
})

const ev = (id: number, entityId: string, from: string | null, to: string, happenedOn: string): ReplayEvent => ({
  id,
  entity: 'road_segment',
  entityId,
  from,
  to,
  happenedOn,
})

describe('replayStatuses', () => {
  const events = [
    ev(3, 'a', 'under_construction', 'completed', '2022-05-01'),
    ev(1, 'a', 'planned', 'under_construction', '2021-03-01'),
    ev(2, 'b', 'planned', 'suspended', '2021-04-01'),
    // Entered later but back-dated before event 3: effect order is by site date.
    ev(4, 'a', 'planned', 'under_construction', '2021-03-01'),
  ]
  it('gives each item its status on the date, inclusive', () => {
    const s = replayStatuses(events, '2021-04-01')
    expect(s.get('road_segment:a')?.status).toBe('under_construction')
    expect(s.get('road_segment:b')).toEqual({ status: 'suspended', suspendedFrom: 'planned' })
    expect(replayStatuses(events, '2022-05-01').get('road_segment:a')?.status).toBe('completed')
    expect(replayStatuses(events, '2021-02-28').size).toBe(0)
  })
})

const undated = (status: string) => ({ status, actualStart: null, actualFinish: null })

describe('goalTimeline', () => {
  it('gives month-end values and stops at today', () => {
    const points = goalTimeline(
      [
        { id: 'a', lengthM: 300, inProgramme: true, ...undated('under_construction') },
        { id: 'b', lengthM: 100, inProgramme: true, ...undated('planned') },
      ],
      [{ id: 'f', kind: 'school', inProgramme: true, ...undated('planned') }],
      [
        ev(1, 'a', 'under_construction', 'completed', '2020-09-15'),
        { id: 2, entity: 'facility', entityId: 'f', from: 'planned', to: 'started', happenedOn: '2020-10-31' },
      ],
      '2020-08-02',
      '2020-10-20',
    )
    expect(points.map((p) => [p.date, p.roadsCompletedM, p.facilitiesStarted])).toEqual([
      ['2020-08-31', 0, 0],
      ['2020-09-30', 300, 0],
      ['2020-10-20', 300, 0],
    ])
    expect(points[1]?.roadsRatio).toBe(0.75)
  })

  it('rebuilds an item without events from its actual dates (a road finished in September 2020)', () => {
    const road = {
      id: 'old',
      lengthM: 200,
      inProgramme: true,
      status: 'completed',
      actualStart: '2020-08-10',
      actualFinish: '2020-09-05',
    }
    const points = goalTimeline([road], [], [], '2020-08-02', '2020-10-20')
    expect(points.map((p) => [p.date, p.roadsCompletedM])).toEqual([
      ['2020-08-31', 0],
      ['2020-09-30', 200],
      ['2020-10-20', 200],
    ])
  })
})

describe('dates', () => {
  it('counts days across a leap day and month ends', () => {
    expect(daysBetween('2020-08-02', '2023-08-02')).toBe(1095)
    expect(addDays('2023-08-02', -540)).toBe('2022-02-08')
    expect(monthEnd('2024-02-10')).toBe('2024-02-29')
    expect(monthStarts('2022-11-05', '2023-01-01')).toEqual(['2022-11-01', '2022-12-01', '2023-01-01'])
  })
})
