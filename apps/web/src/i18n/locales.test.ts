import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dubanEn } from '../modes/plan/duban/i18n.en.ts'
import { dubanZh } from '../modes/plan/duban/i18n.zh.ts'
import { planEn } from '../modes/plan/i18n.en.ts'
import { planZh } from '../modes/plan/i18n.zh.ts'
import { wallEn } from '../modes/wall/i18n.en.ts'
import { wallZh } from '../modes/wall/i18n.zh.ts'
import { en as shellEn } from './en.ts'
import { zh as shellZh } from './zh.ts'

// The planner's (with 督办) and wall's strings load with their chunks (addModeStrings) under these keys.
const zh = { ...shellZh, plan: planZh, wall: wallZh, duban: dubanZh }
const en = { ...shellEn, plan: planEn, wall: wallEn, duban: dubanEn }

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v)
  }
  return out
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

describe('translations', () => {
  const zhKeys = flatten(zh)
  const enKeys = flatten(en)

  it('have the same keys in Chinese and English', () => {
    expect([...enKeys.keys()].sort()).toEqual([...zhKeys.keys()].sort())
  })

  it('have no empty string in either language', () => {
    for (const [key, value] of [...zhKeys, ...enKeys]) expect(value.trim(), key).not.toBe('')
  })

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const [key, value] of zhKeys) expect(vars(enKeys.get(key) ?? ''), key).toEqual(vars(value))
  })

  it('define every literal key the source code asks for', () => {
    const used = new Set<string>()
    for (const file of sourceFiles(join(import.meta.dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1] as string)
    }
    expect(used.size).toBeGreaterThan(20)
    for (const key of used) expect(zhKeys.has(key), `missing key ${key}`).toBe(true)
  })
})
