import { describe, expect, it } from 'vitest'
import type { ReplayEvent } from './progress.ts'
import { stateOn, statusBeforeLog, statusesBeforeFirstEvent, type UnloggedItem } from './unlogged-status.ts'

const road = (baseStatus: string, actualStart: string | null, actualFinish: string | null): UnloggedItem => ({
  entity: 'road_segment',
  baseStatus,
  actualStart,
  actualFinish,
})

describe('statusBeforeLog', () => {
  it('walks a completed road without events through its actual dates', () => {
    const built = road('completed', '2019-03-01', '2020-06-30')
    expect(statusBeforeLog(built, '2019-02-28').status).toBe('planned')
    expect(statusBeforeLog(built, '2019-03-01').status).toBe('under_construction')
    expect(statusBeforeLog(built, '2020-06-29').status).toBe('under_construction')
    expect(statusBeforeLog(built, '2020-06-30').status).toBe('completed')
  })

  it('keeps the current status on every date when there are no dates to go by', () => {
    expect(statusBeforeLog(road('completed', null, null), '2000-01-01').status).toBe('completed')
    expect(statusBeforeLog(road('planned', null, null), '2030-01-01').status).toBe('planned')
  })

  it('never puts an item further along than its status now', () => {
    // A planned segment with a stray start date was never under way as far as anyone recorded.
    expect(statusBeforeLog(road('planned', '2020-01-01', null), '2021-01-01').status).toBe('planned')
    expect(statusBeforeLog(road('under_construction', '2020-01-01', '2020-05-01'), '2021-01-01').status).toBe(
      'under_construction',
    )
  })

  it('shows a facility in service from its finish date and started before it', () => {
    const school: UnloggedItem = {
      entity: 'facility',
      baseStatus: 'in_service',
      actualStart: '2019-09-01',
      actualFinish: '2020-08-15',
    }
    expect(statusBeforeLog(school, '2019-08-31')).toEqual({ status: 'planned', suspendedFrom: null })
    expect(statusBeforeLog(school, '2020-01-01')).toEqual({ status: 'started', suspendedFrom: null })
    expect(statusBeforeLog(school, '2020-08-15')).toEqual({ status: 'in_service', suspendedFrom: null })
  })

  it('shows a suspended facility with a start date as suspended after starting from that date', () => {
    const halted: UnloggedItem = {
      entity: 'facility',
      baseStatus: 'suspended',
      actualStart: '2020-04-01',
      actualFinish: null,
    }
    expect(statusBeforeLog(halted, '2020-03-31')).toEqual({ status: 'planned', suspendedFrom: null })
    expect(statusBeforeLog(halted, '2020-04-01')).toEqual({ status: 'suspended', suspendedFrom: 'started' })
  })
})

describe('stateOn', () => {
  const events: ReplayEvent[] = [
    {
      id: 1,
      entity: 'road_segment',
      entityId: 'a',
      from: 'under_construction',
      to: 'completed',
      happenedOn: '2021-05-01',
    },
  ]
  const a = { id: 'a', status: 'completed', actualStart: '2020-02-01', actualFinish: '2021-05-01' }
  const b = { id: 'b', status: 'completed', actualStart: '2018-01-01', actualFinish: '2019-01-01' }

  it('uses a replayed state when there is one, and the status before the first event otherwise', () => {
    const before = statusesBeforeFirstEvent(events)
    const replayed = new Map([['road_segment:a', { status: 'completed', suspendedFrom: null }]])
    expect(stateOn('road_segment', a, replayed, before, '2021-05-01').status).toBe('completed')
    // Before its one event the log says it was under construction; its start date says since February 2020.
    expect(stateOn('road_segment', a, new Map(), before, '2021-01-01').status).toBe('under_construction')
    expect(stateOn('road_segment', a, new Map(), before, '2020-01-31').status).toBe('planned')
    expect(stateOn('road_segment', b, new Map(), before, '2018-06-01').status).toBe('under_construction')
  })

  it('takes an event without a from status as the item being created then', () => {
    const created: ReplayEvent[] = [
      { id: 2, entity: 'facility', entityId: 'f', from: null, to: 'started', happenedOn: '2021-01-01' },
    ]
    expect(statusesBeforeFirstEvent(created).get('facility:f')).toBe('planned')
  })
})
