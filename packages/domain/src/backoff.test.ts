import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff.ts'

describe('backoffDelay', () => {
  const live = { firstMs: 1_000, maxMs: 30_000 }
  it('doubles from the first delay and stops at the ceiling', () => {
    const middle = () => 0.5
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((a) => backoffDelay(a, live, middle))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ])
  })

  it('spreads each delay by at most a quarter either way', () => {
    expect(backoffDelay(2, live, () => 0)).toBe(3000)
    expect(backoffDelay(2, live, () => 1)).toBe(5000)
    expect(backoffDelay(0, { firstMs: 100, maxMs: 5_000 }, () => 0)).toBe(75)
  })
})
