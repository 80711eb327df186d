import { describe, expect, it } from 'vitest'
import { readLiveMessage, reconnectDelay } from './live-stream.ts'

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

describe('readLiveMessage', () => {
  it('tells a change from a resync order and ignores anything else', () => {
    const change = { id: 7, entity: 'facility', entityId: 'f1', from: 'planned', to: 'started', happenedOn: '2021-05-01', kind: 'edit' }
    expect(readLiveMessage(JSON.stringify(change))).toEqual({ kind: 'change', change: { id: 7, entity: 'facility', entityId: 'f1', to: 'started' } })
    expect(readLiveMessage('{"resync":true}')).toEqual({ kind: 'resync' })
    expect(readLiveMessage('{"resync":false}')).toBeNull()
    expect(readLiveMessage('not json')).toBeNull()
  })
})
