import { describe, expect, it } from 'vitest'
import { clockTime, km, percent, renewalRatios, renewalShares, type Summary } from './wall-figures.ts'

const goal = (plannedM: number, completedM: number, planned: number, started: number) => ({
  roads: { plannedM, completedM, ratio: plannedM ? completedM / plannedM : null },
  facilities: { planned, started, ratio: planned ? started / planned : null },
})

const summary = {
  byRenewalUnit: [
    { id: 'u1', name: 'U1', ...goal(2000, 500, 2, 1) },
    { id: 'u2', name: 'U2', ...goal(1000, 1000, 0, 0) },
    { id: null, name: null, ...goal(9000, 9000, 9, 9) },
  ],
} as unknown as Summary

describe('wall figures', () => {
  it('rounds shares to whole percent and has none for an empty goal', () => {
    expect(percent({ done: 1, total: 3 })).toBe(33)
    expect(percent({ done: 0, total: 0 })).toBeNull()
    expect(km(12_345)).toBe('12.3')
  })

  it('sums the renewal zone over its units only', () => {
    expect(renewalShares(summary)).toEqual({
      units: 2,
      roads: { done: 1500, total: 3000 },
      facilities: { done: 1, total: 2 },
    })
  })

  it('averages the goals a unit has items for', () => {
    const r = renewalRatios(summary)
    expect(r.get('u1')).toBeCloseTo(0.375)
    expect(r.get('u2')).toBe(1)
    expect(r.size).toBe(2)
  })

  it('shows the time in Zhengzhou', () => {
    expect(clockTime('2024-05-01T16:04:05Z')).toBe('00:04:05')
  })
})
