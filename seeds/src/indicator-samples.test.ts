import { isPeriodOf } from '@onemap/domain/indicator-periods'
import { INDICATOR_REGISTRY } from '@onemap/domain/indicator-registry'
import { assessIndicator } from '@onemap/domain/indicators'
import { describe, expect, it } from 'vitest'
import { sampleValues } from './indicator-samples.ts'

describe('generated sample indicator values', () => {
  it('give every indicator values in its own cadence, never negative', () => {
    for (const ind of INDICATOR_REGISTRY) {
      const rows = sampleValues(ind)
      expect(rows.length, ind.id).toBeGreaterThan(0)
      for (const r of rows) {
        expect(isPeriodOf(r.period, ind.cadence), `${ind.id} ${r.period}`).toBe(true)
        expect(r.value).toBeGreaterThanOrEqual(0)
      }
    }
  })
  it('are the same on every run and show more than one status', () => {
    expect(INDICATOR_REGISTRY.map(sampleValues)).toEqual(INDICATOR_REGISTRY.map(sampleValues))
    const statuses = new Set(INDICATOR_REGISTRY.map((i) => assessIndicator(i, sampleValues(i)).status))
    expect(statuses.size).toBeGreaterThan(1)
  })
})
