import { describe, expect, it } from 'vitest'
import { actualDatesAfter, checkTransition, forwardTargets, hasStarted } from './transitions.ts'

// The full table of planner moves: [entity, from, to, suspendedFrom?, expected].
const planner: [string, string, string, string | null, 'edit' | 'refused'][] = [
  ['road_segment', 'planned', 'under_construction', null, 'edit'],
  ['road_segment', 'under_construction', 'completed', null, 'edit'],
  ['road_segment', 'planned', 'completed', null, 'refused'],
  ['road_segment', 'completed', 'under_construction', null, 'refused'],
  ['road_segment', 'under_construction', 'planned', null, 'refused'],
  ['road_segment', 'planned', 'suspended', null, 'edit'],
  ['road_segment', 'under_construction', 'suspended', null, 'edit'],
  ['road_segment', 'completed', 'suspended', null, 'refused'],
  ['road_segment', 'suspended', 'under_construction', 'under_construction', 'edit'],
  ['road_segment', 'suspended', 'completed', 'under_construction', 'edit'],
  ['road_segment', 'suspended', 'planned', 'under_construction', 'refused'],
  ['road_segment', 'suspended', 'planned', 'planned', 'edit'],
  ['facility', 'planned', 'started', null, 'edit'],
  ['facility', 'started', 'completed', null, 'edit'],
  ['facility', 'completed', 'in_service', null, 'edit'],
  ['facility', 'planned', 'in_service', null, 'refused'],
  ['facility', 'in_service', 'completed', null, 'refused'],
  ['facility', 'completed', 'suspended', null, 'edit'],
  ['facility', 'in_service', 'suspended', null, 'refused'],
  ['facility', 'suspended', 'completed', 'completed', 'edit'],
  ['facility', 'suspended', 'started', 'completed', 'refused'],
]

describe('checkTransition', () => {
  it.each(planner)(
    '%s %s → %s (suspended from %s) is %s for a planner',
    (entity, from, to, suspendedFrom, expected) => {
      const result = checkTransition({ entity: entity as 'facility', from, to, role: 'planner', suspendedFrom })
      expect(result.ok ? result.kind : 'refused').toBe(expected)
    },
  )

  it('lets an admin go backwards only with a reason, as a correction', () => {
    const base = { entity: 'road_segment', from: 'completed', to: 'planned', role: 'admin' } as const
    expect(checkTransition(base)).toMatchObject({ ok: false, code: 'reason_required' })
    expect(checkTransition({ ...base, reason: 'entered on the wrong segment' })).toEqual({
      ok: true,
      kind: 'correction',
    })
  })

  it('refuses a backwards move by a planner even with a reason', () => {
    const r = checkTransition({ entity: 'facility', from: 'started', to: 'planned', role: 'planner', reason: 'oops' })
    expect(r).toMatchObject({ ok: false, code: 'not_allowed' })
  })

  it('refuses unknown statuses and no-op changes', () => {
    expect(
      checkTransition({ entity: 'road_segment', from: 'planned', to: 'started', role: 'admin', reason: 'x y z' }),
    ).toMatchObject({
      code: 'unknown_status',
    })
    expect(checkTransition({ entity: 'facility', from: 'started', to: 'started', role: 'admin' })).toMatchObject({
      code: 'same_status',
    })
  })

  it('lists forward targets', () => {
    expect(forwardTargets('facility', 'planned')).toEqual(['started', 'suspended'])
    expect(forwardTargets('road_segment', 'completed')).toEqual([])
  })

  it('counts a facility suspended after its start as started', () => {
    expect(hasStarted('facility', 'suspended', 'started')).toBe(true)
    expect(hasStarted('facility', 'suspended', 'planned')).toBe(false)
    expect(hasStarted('road_segment', 'planned')).toBe(false)
  })
})

describe('actualDatesAfter', () => {
  const none = { actualStart: null, actualFinish: null }
  it('sets the start on starting and the finish on completion, keeping earlier dates', () => {
    expect(actualDatesAfter('road_segment', 'under_construction', '2021-03-01', none)).toEqual({
      actualStart: '2021-03-01',
      actualFinish: null,
    })
    expect(
      actualDatesAfter('road_segment', 'completed', '2022-01-01', { actualStart: '2021-03-01', actualFinish: null }),
    ).toEqual({
      actualStart: '2021-03-01',
      actualFinish: '2022-01-01',
    })
    expect(
      actualDatesAfter('facility', 'in_service', '2023-01-01', {
        actualStart: '2021-03-01',
        actualFinish: '2022-06-01',
      }),
    ).toEqual({
      actualStart: '2021-03-01',
      actualFinish: '2022-06-01',
    })
  })

  it('clears later dates on a correction backwards and keeps both when suspending', () => {
    const built = { actualStart: '2021-03-01', actualFinish: '2022-01-01' }
    expect(actualDatesAfter('road_segment', 'under_construction', '2022-02-01', built)).toEqual({
      actualStart: '2021-03-01',
      actualFinish: null,
    })
    expect(actualDatesAfter('road_segment', 'planned', '2022-02-01', built)).toEqual(none)
    expect(actualDatesAfter('facility', 'suspended', '2022-02-01', built)).toEqual(built)
  })
})
