import { describe, expect, it } from 'vitest'
import { latestStart, overdueDays, scheduleState, type ScheduleItem } from './schedule.ts'

const deadline = '2023-08-02'
const road = (over: Partial<ScheduleItem>): ScheduleItem => ({
  entity: 'road_segment',
  category: 'secondary',
  status: 'planned',
  plannedStart: null,
  actualStart: null,
  ...over,
})

describe('scheduleState', () => {
  it('is done for a completed road and for a started facility', () => {
    expect(scheduleState(road({ status: 'completed' }), '2024-01-01', deadline)).toBe('done')
    const f: ScheduleItem = {
      entity: 'facility',
      category: 'school',
      status: 'started',
      plannedStart: null,
      actualStart: '2021-01-01',
    }
    expect(scheduleState(f, '2021-06-01', deadline)).toBe('done')
  })

  it('is late once the deadline passed without meeting the goal', () => {
    expect(scheduleState(road({ status: 'under_construction' }), '2023-08-03', deadline)).toBe('late')
  })

  it('is overdue when the planned start passed and work has not begun', () => {
    expect(scheduleState(road({ plannedStart: '2021-01-01' }), '2021-01-02', deadline)).toBe('overdue')
  })

  it('is at risk when the planned start is after the latest start (secondary roads need 365 days)', () => {
    expect(scheduleState(road({ plannedStart: '2022-08-03' }), '2021-01-01', deadline)).toBe('at_risk')
    expect(scheduleState(road({ plannedStart: '2022-08-02' }), '2021-01-01', deadline)).toBe('on_track')
  })

  it('is at risk when work began too late to finish and when suspended', () => {
    expect(
      scheduleState(road({ status: 'under_construction', actualStart: '2023-01-01' }), '2023-02-01', deadline),
    ).toBe('at_risk')
    expect(
      scheduleState(road({ status: 'under_construction', actualStart: '2021-01-01' }), '2021-02-01', deadline),
    ).toBe('on_track')
    expect(scheduleState(road({ status: 'suspended', suspendedFrom: 'planned' }), '2021-02-01', deadline)).toBe(
      'at_risk',
    )
  })

  it('puts a facility planned to start after the deadline at risk', () => {
    const f: ScheduleItem = {
      entity: 'facility',
      category: 'hospital',
      status: 'planned',
      plannedStart: '2023-09-01',
      actualStart: null,
    }
    expect(scheduleState(f, '2022-01-01', deadline)).toBe('at_risk')
  })
})

describe('latestStart (倒排工期)', () => {
  it('counts back the typical build time per class', () => {
    expect(latestStart({ entity: 'road_segment', category: 'secondary' }, deadline)).toBe('2022-08-02')
    expect(latestStart({ entity: 'road_segment', category: 'branch' }, deadline)).toBe('2022-12-05')
    expect(latestStart({ entity: 'facility', category: 'school' }, deadline)).toBe(deadline)
  })
})

describe('overdueDays', () => {
  it('counts days since the planned start for unstarted items only', () => {
    expect(overdueDays(road({ plannedStart: '2021-01-01' }), '2021-01-11')).toBe(10)
    expect(overdueDays(road({ plannedStart: '2021-01-01', status: 'under_construction' }), '2021-01-11')).toBe(0)
  })
})
