import { describe, expect, it } from 'vitest'
import { checkOrderStep, isOrderOverdue } from './duban.ts'

describe('order steps', () => {
  it('walks issued → acknowledged → done → accepted', () => {
    expect(checkOrderStep('acknowledge', 'issued', 'unit')).toEqual({ ok: true, to: 'acknowledged' })
    expect(checkOrderStep('done', 'acknowledged', 'unit')).toEqual({ ok: true, to: 'done' })
    expect(checkOrderStep('accept', 'done', 'planner')).toEqual({ ok: true, to: 'accepted' })
  })

  it('sends back to returned, from which the unit marks done again', () => {
    expect(checkOrderStep('send_back', 'done', 'planner')).toEqual({ ok: true, to: 'returned' })
    expect(checkOrderStep('done', 'returned', 'unit')).toEqual({ ok: true, to: 'done' })
  })

  it('lets a reply acknowledge an issued order and keep any other state', () => {
    expect(checkOrderStep('reply', 'issued', 'unit')).toEqual({ ok: true, to: 'acknowledged' })
    expect(checkOrderStep('reply', 'returned', 'unit')).toEqual({ ok: true, to: 'returned' })
  })

  it('refuses steps by the wrong side and from the wrong state', () => {
    expect(checkOrderStep('accept', 'done', 'unit')).toMatchObject({ ok: false, code: 'forbidden' })
    expect(checkOrderStep('done', 'issued', 'planner')).toMatchObject({ ok: false, code: 'forbidden' })
    expect(checkOrderStep('accept', 'acknowledged', 'planner')).toMatchObject({ ok: false, code: 'conflict' })
    expect(checkOrderStep('reply', 'accepted', 'unit')).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'An order that is accepted cannot be replied to',
    })
  })
})

describe('isOrderOverdue', () => {
  it('is overdue past the due day only while the unit owes the work', () => {
    expect(isOrderOverdue({ state: 'issued', dueOn: '2026-11-28' }, '2026-11-29')).toBe(true)
    expect(isOrderOverdue({ state: 'issued', dueOn: '2026-11-29' }, '2026-11-29')).toBe(false)
    expect(isOrderOverdue({ state: 'returned', dueOn: '2026-11-01' }, '2026-11-29')).toBe(true)
    expect(isOrderOverdue({ state: 'done', dueOn: '2026-11-01' }, '2026-11-29')).toBe(false)
  })
})
