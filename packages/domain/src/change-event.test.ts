import { describe, expect, it } from 'vitest'
import { ChangeEvent, changedPart } from './change-event.ts'

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
