import { describe, expect, it } from 'vitest'
import { DEFAULT_STALE_AFTER_MS, parseWallParams as parse } from './wall-params.ts'

const WALL_SCENES = ['roads', 'facilities', 'renewal', 'rivers']
const parseWallParams = (search: string) => parse(search, WALL_SCENES)

describe('parseWallParams', () => {
  it('defaults to every scene, 30 s, and the two-minute stale threshold', () => {
    expect(parseWallParams('')).toEqual({
      scenes: [...WALL_SCENES],
      intervalS: 30,
      staleAfterMs: DEFAULT_STALE_AFTER_MS,
      stallReloadMs: 60_000,
    })
    expect(DEFAULT_STALE_AFTER_MS).toBe(120_000)
  })

  it('reads the scenes in the given order, interval and thresholds', () => {
    expect(parseWallParams('?scenes=rivers,roads&interval=1&stale=3&watchdog=20&lang=en')).toEqual({
      scenes: ['rivers', 'roads'],
      intervalS: 1,
      staleAfterMs: 3000,
      stallReloadMs: 20_000,
    })
  })

  it('falls back to defaults on values it cannot use', () => {
    const p = parseWallParams('?scenes=roads,moon&interval=0&stale=x')
    expect(p.scenes).toEqual([...WALL_SCENES])
    expect(p.intervalS).toBe(30)
    expect(p.staleAfterMs).toBe(DEFAULT_STALE_AFTER_MS)
  })

  it('drops a repeated scene', () => {
    expect(parseWallParams('?scenes=roads,roads,facilities').scenes).toEqual(['roads', 'facilities'])
  })
})
