import { describe, expect, it } from 'vitest'
import { StallDetector } from './watchdog.ts'

describe('StallDetector', () => {
  it('stays calm while both heartbeats beat', () => {
    const d = new StallDetector(60_000, 0)
    for (let t = 1_000; t <= 300_000; t += 1_000) {
      d.frame(t)
      d.render(t)
      expect(d.stalled(t, true)).toBe(false)
    }
  })

  it('reports a stall when the map stops rendering though frames still run', () => {
    const d = new StallDetector(60_000, 0)
    d.render(10_000)
    d.frame(70_001)
    expect(d.stalled(70_001, true)).toBe(true)
  })

  it('reports a stall when the animation loop stops', () => {
    const d = new StallDetector(60_000, 0)
    d.render(61_000)
    expect(d.stalled(61_000, true)).toBe(true)
  })

  it('does not count time the page was hidden', () => {
    const d = new StallDetector(60_000, 0)
    expect(d.stalled(500_000, false)).toBe(false)
    expect(d.stalled(530_000, true)).toBe(false)
  })
})
