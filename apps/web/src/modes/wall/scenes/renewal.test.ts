import { describe, expect, it } from 'vitest'
import { shortNames } from './renewal.ts'

describe('renewal unit labels', () => {
  it('drops the part every unit name shares, keeping a name that would be emptied', () => {
    expect(shortNames(['南部产城更新第1单元', '南部产城更新第12单元'])).toEqual(['第1单元', '第12单元'])
    expect(shortNames(['Unit A', 'Unit B'])).toEqual(['A', 'B'])
    expect(shortNames(['同名', '同名'])).toEqual(['同名', '同名'])
    expect(shortNames(['独一'])).toEqual(['独一'])
  })
})
