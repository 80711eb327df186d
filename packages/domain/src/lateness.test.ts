import { describe, expect, it } from 'vitest'
import { compareLateness, isFinished, lateness, lateSince, planLateness, type LatenessItem } from './lateness.ts'

const deadline = '2023-08-02'
const today = '2026-11-29'
const segment = (over: Partial<LatenessItem>): LatenessItem => ({
  entity: 'road_segment',
  category: 'secondary',
  status: 'planned',
  plannedStart: '2021-03-01',
  plannedFinish: '2022-03-01',
  actualStart: null,
  ...over,
})

describe('lateness', () => {
  it('counts days since the planned start for an item not started', () => {
    expect(lateness(segment({}), '2021-03-11', deadline)).toMatchObject({
      basis: 'not_started',
      days: 10,
      daysPastStart: 10,
    })
  })

  it('uses the 倒排工期 latest start when no start is planned (secondary roads need 365 days)', () => {
    expect(lateness(segment({ plannedStart: null, plannedFinish: null }), '2022-08-12', deadline)?.days).toBe(10)
  })

  it('counts days past the planned finish for started, unfinished work (not 0)', () => {
    const l = lateness(segment({ status: 'under_construction', actualStart: '2021-04-01' }), '2022-03-31', deadline)
    expect(l).toMatchObject({ basis: 'unfinished', days: 30, daysPastFinish: 30, daysPastStart: 0 })
  })

  it('is 0, not negative, before the planned dates', () => {
    expect(lateness(segment({}), '2020-01-01', deadline)?.days).toBe(0)
  })

  it('takes the larger of days suspended and days past finish for suspended work', () => {
    const item = segment({
      status: 'suspended',
      suspendedFrom: 'under_construction',
      actualStart: '2021-04-01',
      suspendedSince: '2021-06-01',
    })
    const l = lateness(item, '2022-06-01', deadline)
    expect(l).toMatchObject({ basis: 'suspended', daysSuspended: 365, daysPastFinish: 92, days: 365 })
  })

  it('sorts a segment suspended since 2021 above a later-planned one', () => {
    const suspended = lateness(
      segment({
        status: 'suspended',
        suspendedFrom: 'under_construction',
        actualStart: '2021-04-01',
        suspendedSince: '2021-06-01',
      }),
      today,
      deadline,
    )
    const planned = lateness(segment({ plannedStart: '2023-01-01', plannedFinish: '2024-01-01' }), today, deadline)
    expect([planned, suspended].sort(compareLateness)[0]).toBe(suspended)
  })

  it('has none for finished items; a started facility is not finished', () => {
    expect(lateness(segment({ status: 'completed' }), today, deadline)).toBeNull()
    expect(isFinished({ entity: 'facility', status: 'in_service' })).toBe(true)
    const f: LatenessItem = {
      entity: 'facility',
      category: 'school',
      status: 'started',
      plannedStart: '2021-01-01',
      plannedFinish: '2023-01-01',
      actualStart: '2021-02-01',
    }
    expect(lateness(f, '2023-01-11', deadline)?.days).toBe(10)
  })

  it('reads lateness against both the baseline and the revised plan', () => {
    const both = planLateness(segment({}), { revisedStart: '2026-11-19', revisedFinish: null }, today, deadline)
    expect(both.baseline?.days).toBeGreaterThan(2000)
    expect(both.revised?.days).toBe(10)
    expect(planLateness(segment({}), null, today, deadline).revised).toBeNull()
  })

  it('says when an item became late', () => {
    expect(lateSince(segment({}), '2021-03-11', deadline)).toBe('2021-03-01')
    expect(lateSince(segment({ plannedStart: '2030-01-01', plannedFinish: '2031-01-01' }), today, deadline)).toBeNull()
  })
})
