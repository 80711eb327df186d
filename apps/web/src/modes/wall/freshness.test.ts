import { describe, expect, it } from 'vitest'
import { reconnectDelay, staleReason } from './freshness.ts'

const base = { now: 1_000_000, staleAfterMs: 120_000 }

describe('staleReason', () => {
  it('is fresh with the stream up and a recent read', () => {
    expect(staleReason({ ...base, streamDownSince: null, lastFreshAt: base.now - 119_000 })).toBeNull()
  })

  it('blames the stream only after the grace period', () => {
    expect(staleReason({ ...base, streamDownSince: base.now - 4_000, lastFreshAt: base.now })).toBeNull()
    expect(staleReason({ ...base, streamDownSince: base.now - 5_000, lastFreshAt: base.now })).toBe('stream')
  })

  it('blames age once the last read is older than the threshold, even with the stream up', () => {
    expect(staleReason({ ...base, streamDownSince: null, lastFreshAt: base.now - 120_001 })).toBe('age')
  })

  it('keeps the grace no longer than a short test threshold', () => {
    expect(staleReason({ now: 10_000, staleAfterMs: 2_000, streamDownSince: 7_500, lastFreshAt: 10_000 })).toBe('stream')
  })
})

describe('reconnectDelay', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    const none = () => 0
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((a) => reconnectDelay(a, none))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
  })

  it('spreads attempts by at most a quarter', () => {
    expect(reconnectDelay(2, () => 1)).toBe(3000)
    expect(reconnectDelay(2, () => 0.5)).toBe(3500)
  })
})
