import { describe, expect, it } from 'vitest'
import { ChangeEvent, changedPart, isTickerNews, tickerOrder } from './change-event.ts'

const edit = {
  id: 7,
  entity: 'facility',
  entityId: 'f1',
  from: 'planned',
  to: 'started',
  happenedOn: '2021-05-01',
  recordedAt: '2021-05-01T02:00:00.000Z',
  kind: 'edit',
  layer: 'facilities',
  layerVersion: 12,
  nameZh: '学校一',
  nameEn: 'School One',
} as const

describe('ChangeEvent', () => {
  it('accepts a change with its layer version and refuses one without', () => {
    expect(ChangeEvent.parse(edit)).toEqual(edit)
    const { layerVersion: _v, ...bare } = edit
    expect(ChangeEvent.safeParse(bare).success).toBe(false)
    expect(ChangeEvent.safeParse({ ...edit, entity: 'river' }).success).toBe(false)
  })

  it('names the part a change touched: status, geometry (split) or other fields (from = to)', () => {
    expect(changedPart(edit)).toBe('status')
    expect(changedPart({ ...edit, from: 'started', to: 'started' })).toBe('fields')
    expect(changedPart({ ...edit, kind: 'split' })).toBe('geometry')
  })
})

describe('ticker news', () => {
  it('is a change of status between two known states of a named item, entered by people or loaded as sample history', () => {
    expect(isTickerNews(edit)).toBe(true)
    expect(isTickerNews({ ...edit, kind: 'correction' })).toBe(true)
    expect(isTickerNews({ ...edit, kind: 'seed' })).toBe(true)
    // Bookkeeping: an import's or a split's rows, an item's first state, a revised plan (from = to).
    expect(isTickerNews({ ...edit, kind: 'import' })).toBe(false)
    expect(isTickerNews({ ...edit, kind: 'split' })).toBe(false)
    expect(isTickerNews({ ...edit, from: null })).toBe(false)
    expect(isTickerNews({ ...edit, from: 'started', to: 'started' })).toBe(false)
    // Never a line without a name: no id, no placeholder.
    expect(isTickerNews({ ...edit, nameZh: null })).toBe(false)
    expect(isTickerNews({ ...edit, nameZh: '  ' })).toBe(false)
  })

  it('orders changes by people before sample history, then newest entered first', () => {
    const at = (id: number, recordedAt: string, kind: 'edit' | 'seed' = 'edit') => ({ ...edit, id, recordedAt, kind })
    const rows = [
      at(1, '2021-08-01T00:00:00.000Z', 'seed'),
      at(2, '2021-01-01T00:00:00.000Z'),
      at(3, '2021-06-01T00:00:00.000Z'),
      at(4, '2021-06-01T00:00:00.000Z'),
    ]
    expect(rows.sort(tickerOrder).map((r) => r.id)).toEqual([4, 3, 2, 1])
  })
})
