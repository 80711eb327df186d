import { describe, expect, it } from 'vitest'
import { staleReason } from './freshness.ts'

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
    expect(staleReason({ now: 10_000, staleAfterMs: 2_000, streamDownSince: 7_500, lastFreshAt: 10_000 })).toBe(
      'stream',
    )
  })
})
