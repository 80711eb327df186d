import { normalisePeriod } from '@onemap/domain/indicator-periods'
import type { Indicator } from '@onemap/domain/indicators'
import { unreadable } from '../errors.ts'
import type { Table } from './read-table.ts'

/** A row that passed every check, ready to write. */
export interface CheckedRow {
  row: number
  indicatorId: string
  period: string
  value: number
  note: string | null
}

export interface RowRefusal {
  row: number
  reason: string
}

/** Header names a bureau table uses for each column we read (compared after normaliseHeader). */
const HEADERS = {
  id: ['指标编码', '指标代码', '指标id', '编码', '代码'],
  name: ['指标名称', '指标', '名称'],
  period: ['统计期', '报告期', '统计时期', '期别', '时期', '时间'],
  value: ['数值', '本期值', '值', '累计值', '本年累计', '指标值'],
  unit: ['单位', '计量单位'],
  note: ['备注', '说明'],
} as const
type Column = keyof typeof HEADERS

/** Full-width brackets and spaces as ASCII/none, lower case: '数值（亿元）' → '数值(亿元)'. */
function normaliseHeader(h: string): string {
  return h
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/【/g, '(')
    .replace(/】/g, ')')
    .toLowerCase()
}

/** One spelling per unit: ㎡, m2, 平方米 → m²; ％ → %. */
export function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .replace(/\s+/g, '')
    .replace(/％/g, '%')
    .replace(/㎡|m2|平方米/gi, 'm²')
}

/** Where each column is, and a unit declared in a header ('数值（亿元）', '数值/亿元'). */
function locateColumns(headers: string[], file: string) {
  const at: Partial<Record<Column, number>> = {}
  let headerUnit: string | null = null
  headers.forEach((raw, index) => {
    const h = normaliseHeader(raw)
    const m = /^([^(/]+)(?:\(([^)]+)\)|\/(.+))$/.exec(h)
    const base = m ? (m[1] as string) : h
    for (const column of Object.keys(HEADERS) as Column[]) {
      if (at[column] === undefined && (HEADERS[column] as readonly string[]).includes(base)) {
        at[column] = index
        if (column === 'value' && m) headerUnit = normaliseUnit((m[2] ?? m[3]) as string)
      }
    }
  })
  const missing = [
    at.id === undefined && at.name === undefined ? '指标编码 or 指标名称' : null,
    at.period === undefined ? '统计期' : null,
    at.value === undefined ? '数值' : null,
  ].filter(Boolean)
  if (missing.length)
    throw unreadable(
      `${file}: no column headed ${missing.join(', ')} (the header row has: ${headers.join(', ') || 'nothing'})`,
    )
  return { at, headerUnit: headerUnit as string | null }
}

/** Parses '1,234.5' or '１２３' as written in Chinese spreadsheets; NaN when it is not a number. */
function parseNumber(raw: string): number {
  const ascii = raw
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(ascii) ? Number(ascii) : Number.NaN
}

/**
 * Checks every row against the registry and returns what passed and what was refused, with the
 * row number and reason. The caller writes nothing when anything was refused.
 */
export function checkRows(
  table: Table,
  registry: readonly Indicator[],
  file: string,
): { accepted: CheckedRow[]; refused: RowRefusal[] } {
  const { at, headerUnit } = locateColumns(table.headers, file)
  const cell = (cells: string[], column: Column) => (at[column] === undefined ? '' : (cells[at[column]] ?? '').trim())
  const byId = new Map(registry.map((i) => [i.id, i]))
  const byName = new Map(registry.map((i) => [i.name_zh, i]))
  const seen = new Map<string, number>()
  const accepted: CheckedRow[] = []
  const refused: RowRefusal[] = []
  for (const { row, cells } of table.rows) {
    const refuse = (reason: string) => refused.push({ row, reason })
    const id = cell(cells, 'id')
    const name = cell(cells, 'name')
    const ind = id ? byId.get(id) : byName.get(name)
    if (!ind) {
      refuse(`unknown indicator '${id || name}'`)
      continue
    }
    const rawPeriod = cell(cells, 'period')
    const period = normalisePeriod(rawPeriod, ind.cadence)
    if (!period) {
      refuse(`period '${rawPeriod}' is not in the ${ind.cadence} cadence of '${ind.id}'`)
      continue
    }
    const rawValue = cell(cells, 'value')
    const value = parseNumber(rawValue)
    if (rawValue === '' || Number.isNaN(value)) {
      refuse(`value '${rawValue}' of '${ind.id}' is not a number`)
      continue
    }
    if (value < 0 && !ind.allowNegative) {
      refuse(`value ${value} of '${ind.id}' is negative, which it cannot be`)
      continue
    }
    const declared = cell(cells, 'unit') ? normaliseUnit(cell(cells, 'unit')) : headerUnit
    if (declared && declared !== normaliseUnit(ind.unit)) {
      refuse(`the value is declared in ${declared} but '${ind.id}' is recorded in ${ind.unit}; convert it first`)
      continue
    }
    const key = `${ind.id}|${period}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      refuse(`duplicates row ${earlier} ('${ind.id}' for ${period})`)
      continue
    }
    seen.set(key, row)
    accepted.push({ row, indicatorId: ind.id, period, value, note: cell(cells, 'note') || null })
  }
  return { accepted, refused }
}
