import type { ChangeEvent } from '@onemap/domain/change-event'
import { describe, expect, it } from 'vitest'
import type { AlarmItem, Alarms, Summary, TickerRow } from './wall-figures.ts'
import { type ItemFigures, patchAlarms, patchSummary, withTickerLine } from './wall-patches.ts'

const change: ChangeEvent = {
  id: 10,
  entity: 'road_segment',
  entityId: 's1',
  from: 'under_construction',
  to: 'completed',
  happenedOn: '2026-11-29',
  recordedAt: '2026-11-29T08:00:00.000Z',
  kind: 'edit',
  layer: 'road_segments',
  layerVersion: 5,
  nameZh: '科学大道',
  nameEn: 'Kexue Avenue',
}

const row = (id: number, recordedAt: string, kind: TickerRow['kind'] = 'edit'): TickerRow => ({
  id,
  entity: 'facility',
  entityId: `f${id}`,
  nameZh: `设施${id}`,
  nameEn: null,
  from: 'planned',
  to: 'started',
  happenedOn: '2026-11-01',
  recordedAt,
  kind,
})

describe('withTickerLine', () => {
  const rows = [row(3, '2026-11-28T00:00:00.000Z'), row(1, '2026-11-29T09:00:00.000Z', 'seed')]

  it('puts a real change first, before the sample history, with the names and statuses the ticker shows', () => {
    const out = withTickerLine(rows, change, 12)
    expect(out.map((r) => r.id)).toEqual([10, 3, 1])
    expect(out[0]).toEqual({
      id: 10,
      entity: 'road_segment',
      entityId: 's1',
      nameZh: '科学大道',
      nameEn: 'Kexue Avenue',
      from: 'under_construction',
      to: 'completed',
      happenedOn: '2026-11-29',
      recordedAt: '2026-11-29T08:00:00.000Z',
      kind: 'edit',
    })
    expect(withTickerLine(rows, change, 2).map((r) => r.id)).toEqual([10, 3])
  })

  it('adds nothing for bookkeeping, a nameless item, a kept status or a line it already has', () => {
    for (const c of [
      { ...change, kind: 'split' as const },
      { ...change, kind: 'import' as const },
      { ...change, nameZh: null },
      { ...change, from: 'completed' },
      { ...change, from: null },
      { ...change, id: 3 },
    ])
      expect(withTickerLine(rows, c, 12)).toBe(rows)
  })
})

const alarm = (id: string, days: number): AlarmItem => ({
  entity: 'road_segment',
  id,
  nameZh: id,
  nameEn: id,
  level: 'red',
  days,
  basis: 'unfinished',
  since: '2026-01-01',
  subDistrictName: null,
})
const counts = {
  source: 'cards' as const,
  late: { road_segment: { count: 3, maxDays: 30 }, facility: { count: 0, maxDays: 0 } },
  orders: null,
}
const alarms = (ids: string[], total: number): Alarms => ({
  ...counts,
  total,
  items: ids.map((id, i) => alarm(id, 30 - i)),
})
const figures = (item: AlarmItem | null, position: number | null, total: number): ItemFigures['alarms'] => ({
  ...counts,
  total,
  item,
  position,
})

describe('patchAlarms', () => {
  it('moves the item to where the server ranks it, or drops it, and takes the new counts', () => {
    const moved = patchAlarms(alarms(['a', 's1', 'b'], 3), change, figures(alarm('s1', 40), 0, 3), 3, 3)
    expect(moved?.items.map((a) => [a.id, a.days])).toEqual([
      ['s1', 40],
      ['a', 30],
      ['b', 28],
    ])
    expect(
      patchAlarms(alarms(['a', 's1', 'b'], 3), change, figures(null, null, 2), 3, 3)?.items.map((a) => a.id),
    ).toEqual(['a', 'b'])
    // A new alarm ranked past a full list stays out of it; the total counts it.
    const full = patchAlarms(alarms(['a', 'b'], 5), change, figures(alarm('s1', 1), 5, 6), 2, 2)
    expect([full?.items.map((a) => a.id), full?.total]).toEqual([['a', 'b'], 6])
  })

  it('replaces an alarm that leaves from the rows it holds beyond those shown', () => {
    const out = patchAlarms(alarms(['a', 's1', 'b', 'c'], 6), change, figures(null, null, 5), 4, 3)
    expect(out?.items.map((a) => a.id)).toEqual(['a', 'b', 'c'])
  })

  it('gives up (the caller reads the list whole) when a row it does not hold must move into view', () => {
    // s1 leaves a list of 2 shown out of 5 alarms: the third alarm is not here to take its place.
    expect(patchAlarms(alarms(['a', 's1'], 5), change, figures(null, null, 4), 2, 2)).toBeNull()
    // The server ranks s1 after rows this list never had, and counts more than it holds.
    expect(patchAlarms(alarms(['a'], 1), change, figures(alarm('s1', 1), 3, 4), 10, 10)).toBeNull()
  })
})

describe('patchSummary', () => {
  it('takes the totals and replaces only the two place rows the item counts in', () => {
    const goal = (completedM: number) => ({ plannedM: 100, completedM, ratio: completedM / 100 })
    const facilities = { planned: 0, started: 0, ratio: null }
    const place = (key: string | null, completedM: number) => ({ name: key, roads: goal(completedM), facilities })
    const summary = {
      asOf: 'then',
      roads: { ...goal(10) },
      bySubDistrict: [
        { code: 'A', ...place('A', 10) },
        { code: 'B', ...place('B', 0) },
      ],
      byRenewalUnit: [
        { id: null, ...place(null, 0) },
        { id: 'U', ...place('U', 10) },
      ],
    } as unknown as Summary
    const out = patchSummary(summary, {
      asOf: 'now',
      roads: goal(60),
      facilities: null,
      subDistrict: { code: 'B', roads: goal(50), facilities: null },
      renewalUnit: { id: null, roads: goal(50), facilities: null },
    } as unknown as ItemFigures['summary'])
    expect(out.asOf).toBe('now')
    expect(out.roads.completedM).toBe(60)
    // The other kind's figures and the place names are kept.
    expect(out.bySubDistrict[1]).toMatchObject({ name: 'B', facilities })
    expect(out.bySubDistrict.map((s) => [s.code, s.roads.completedM])).toEqual([
      ['A', 10],
      ['B', 50],
    ])
    expect(out.byRenewalUnit.map((u) => [u.id, u.roads.completedM])).toEqual([
      [null, 50],
      ['U', 10],
    ])
  })
})
