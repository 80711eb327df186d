import { describe, expect, it } from 'vitest'
import { byCategory, formatNumber, trendValues, withUnit } from './indicator-format.ts'

describe('indicator formatting', () => {
  it('prints figures the way the reports do', () => {
    expect(withUnit(301.5, '亿元', 'zh')).toBe('301.5 亿元')
    expect(withUnit(3.2, '%', 'en')).toBe('3.2%')
    expect(formatNumber(10000, 'en')).toBe('10,000')
    expect(formatNumber(2 / 3, 'zh')).toBe('0.67')
  })
  it('groups consecutive categories in order', () => {
    const rows = [
      { category: 'economy', id: 'a' },
      { category: 'economy', id: 'b' },
      { category: 'innovation', id: 'c' },
    ]
    expect(byCategory(rows).map((g) => [g.category, g.rows.length])).toEqual([
      ['economy', 2],
      ['innovation', 1],
    ])
  })
  it('a year-to-date trend shows only the target year', () => {
    const values = [
      { period: '2019-12', value: 9, isSample: false, version: 1 },
      { period: '2020-01', value: 1, isSample: false, version: 1 },
    ]
    expect(trendValues({ pace: 'ytd', target: { value: 10, year: 2020 }, values })).toEqual([1])
    expect(trendValues({ pace: 'level', target: { value: 10, year: 2020 }, values })).toEqual([9, 1])
  })
})
