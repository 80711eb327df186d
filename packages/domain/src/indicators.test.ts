import { describe, expect, it } from 'vitest'
import { normalisePeriod, periodEnd, yearFraction } from './indicator-periods.ts'
import { findIndicator, INDICATOR_REGISTRY, MILESTONE_REGISTRY } from './indicator-registry.ts'
import { assessIndicator, Indicator, milestoneStatus, type PeriodValue } from './indicators.ts'
import { figuresOf, REPORT_FIGURES, REPORT_MILESTONES } from './testing/report-figures.ts'

const sortFigures = (rows: readonly (readonly unknown[])[]) => rows.map((r) => JSON.stringify(r)).sort()

describe('the registry holds every figure of the work report', () => {
  it('targets, units, directions and years equal the list in the issue', () => {
    expect(sortFigures(figuresOf(INDICATOR_REGISTRY))).toEqual(sortFigures(REPORT_FIGURES))
  })
  it('milestones and their dates equal the list', () => {
    expect(MILESTONE_REGISTRY.map((m) => [m.id, m.dueOn]).sort()).toEqual(
      [...REPORT_MILESTONES].map((m) => [...m]).sort(),
    )
  })
  it('every indicator has a definition in both languages citing the report', () => {
    for (const i of INDICATOR_REGISTRY) {
      expect(i.definition_zh.length, i.id).toBeGreaterThan(8)
      expect(i.definition_en.length, i.id).toBeGreaterThan(20)
      expect(i.source).toContain('2020-08-02')
    }
    expect(new Set(INDICATOR_REGISTRY.map((i) => i.id)).size).toBe(INDICATOR_REGISTRY.length)
  })
})

const ytd = Indicator.parse({ ...findIndicator('fixed-asset-investment'), targets: [{ value: 120, year: 2020 }] })
const trajectory = findIndicator('gdp')!
const level = findIndicator('unemployment-rate')!
const v = (period: string, value: number): PeriodValue => ({ period, value })

describe('pace rule: year-to-date totals grow linearly to the target', () => {
  it('is on pace at or above the straight line and behind below it', () => {
    // June is half the year: the line expects 60 of 120.
    expect(assessIndicator(ytd, [v('2020-06', 60)])).toMatchObject({ status: 'on_pace', expected: 60 })
    expect(assessIndicator(ytd, [v('2020-06', 59.9)]).status).toBe('behind')
  })
  it('is met once the total reaches the target, even before the year ends', () => {
    expect(assessIndicator(ytd, [v('2020-10', 121)]).status).toBe('met')
  })
  it('is missed when the final month falls short', () => {
    expect(assessIndicator(ytd, [v('2020-11', 100), v('2020-12', 119)]).status).toBe('missed')
  })
  it('ignores values of other years and values in another cadence', () => {
    expect(assessIndicator(ytd, [v('2019-12', 500), v('2020', 500)]).status).toBe('no_data')
  })
})

describe('pace rule: a yearly level on a line from its baseline to the target', () => {
  it('expects the straight line from the first value to 700 at the end of 2022', () => {
    // Baseline 2019: 400; three years to 700 → 500 expected at the end of 2020.
    const a = assessIndicator(trajectory, [v('2019', 400), v('2020', 505)])
    expect(a.status).toBe('on_pace')
    expect(a.expected).toBeCloseTo(500, 0)
    expect(assessIndicator(trajectory, [v('2019', 400), v('2020', 480)]).status).toBe('behind')
  })
  it('is met or missed on the value of the target year', () => {
    expect(assessIndicator(trajectory, [v('2019', 400), v('2022', 701)]).status).toBe('met')
    expect(assessIndicator(trajectory, [v('2019', 400), v('2022', 690)]).status).toBe('missed')
  })
  it('after 2022 moves on to the 2025 target from the 2022 value', () => {
    const a = assessIndicator(trajectory, [v('2019', 400), v('2022', 700), v('2023', 800)])
    expect(a.target).toEqual({ value: 1000, year: 2025 })
    expect(a.expected).toBeCloseTo(800, 0)
    expect(a.status).toBe('on_pace')
  })
})

describe('pace rule: a rate is judged on its latest value', () => {
  it('a ceiling is on pace at or under it, behind above it', () => {
    expect(assessIndicator(level, [v('2020-Q2', 3.9)]).status).toBe('on_pace')
    expect(assessIndicator(level, [v('2020-Q1', 3.5), v('2020-Q2', 4.2)]).status).toBe('behind')
  })
  it('met or missed in the final quarter', () => {
    expect(assessIndicator(level, [v('2020-Q4', 4)]).status).toBe('met')
    expect(assessIndicator(level, [v('2020-Q4', 4.1)]).status).toBe('missed')
  })
  it('no value is no data', () => {
    expect(assessIndicator(level, [])).toMatchObject({ status: 'no_data', latest: null, targetPeriod: '2020-Q4' })
  })
})

describe('periods', () => {
  it('reads the ways statistics offices write a period', () => {
    expect(normalisePeriod('2020年', 'annual')).toBe('2020')
    expect(normalisePeriod('2020年第三季度', 'quarterly')).toBe('2020-Q3')
    expect(normalisePeriod('2020Q4', 'quarterly')).toBe('2020-Q4')
    expect(normalisePeriod('2020年1-8月', 'monthly')).toBe('2020-08')
    expect(normalisePeriod('2020.8', 'monthly')).toBe('2020-08')
    expect(normalisePeriod('2020年8月', 'annual')).toBeNull()
    expect(normalisePeriod('2020年13月', 'monthly')).toBeNull()
  })
  it('ends and fractions of the year', () => {
    expect(periodEnd('2020-Q1', 'quarterly')).toBe('2020-03-31')
    expect(periodEnd('2020-02', 'monthly')).toBe('2020-02-29')
    expect(yearFraction('2020-Q3', 'quarterly')).toBe(0.75)
  })
})

describe('milestones', () => {
  it('done on time, late, open or overdue', () => {
    expect(milestoneStatus('2020-08-31', '2020-08-30', '2020-09-10')).toBe('done')
    expect(milestoneStatus('2020-08-31', '2020-09-02', '2020-09-10')).toBe('done_late')
    expect(milestoneStatus('2020-08-31', null, '2020-08-31')).toBe('open')
    expect(milestoneStatus('2020-08-31', null, '2020-09-01')).toBe('overdue')
  })
})
