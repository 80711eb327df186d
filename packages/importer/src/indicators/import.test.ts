import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { indicatorHistory, listIndicators, syncIndicatorRegistry } from '@onemap/db/queries/indicators'
import { openTestDatabase, testBackend, type TestDatabase } from '@onemap/db/testing'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { importIndicatorFile } from './import.ts'

let db: TestDatabase
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'onemap-indicator-import-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(async () => {
  db = await openTestDatabase()
  await syncIndicatorRegistry(db)
})
afterEach(async () => {
  await db.close()
})

/** Writes a workbook whose first sheet holds `rows` under `headers`, like a bureau's export. */
async function xlsx(name: string, headers: string[], rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('指标')
  sheet.addRow(headers)
  for (const r of rows) sheet.addRow(r)
  wb.addWorksheet('说明').addRow(['数据来源：高新区统计局'])
  const file = join(dir, name)
  await wb.xlsx.writeFile(file)
  return file
}

const valuesOf = async (id: string) =>
  (await listIndicators(db)).find((i) => i.id === id)?.values.map((v) => [v.period, v.value, v.isSample])

describe(`indicator import (${testBackend})`, () => {
  it('round-trips a generated .xlsx with Chinese headers and statistics-office periods', async () => {
    const file = await xlsx(
      'ok.xlsx',
      ['指标编码', '指标名称', '统计期', '数值', '单位', '备注'],
      [
        ['fixed-asset-investment', '固定资产投资', '2020年1-8月', 301.5, '亿元', '快报'],
        ['new-high-tech-enterprises', '新增高新技术企业', '2020年第三季度', 188, '家', ''],
        ['', '新增上市公司', '2020年第三季度', 1, '家', 'matched by name'],
        ['gdp', '经济总量（地区生产总值）', '2020年', '1,023.4', '亿元', ''],
        ['unemployment-rate', '城镇登记失业率', '2020Q3', 3.2, '％', ''],
        ['industrial-investment-growth', '工业投资增长', '2020.08', -4.5, '%', '疫情影响'],
      ],
    )
    const report = await importIndicatorFile(db, { file, actor: 'bureau-import' })
    expect(report).toMatchObject({ format: 'xlsx', read: 6, accepted: 6, refused: [], committed: true, inserted: 6 })
    expect(await valuesOf('fixed-asset-investment')).toEqual([['2020-08', 301.5, false]])
    expect(await valuesOf('new-high-tech-enterprises')).toEqual([['2020-Q3', 188, false]])
    expect(await valuesOf('gdp')).toEqual([['2020', 1023.4, false]])
    expect(await valuesOf('new-listed-companies')).toEqual([['2020-Q3', 1, false]])
    expect(await valuesOf('industrial-investment-growth')).toEqual([['2020-08', -4.5, false]])
    expect(await indicatorHistory(db, 'indicator', 'fixed-asset-investment')).toMatchObject([
      { kind: 'import', actor: 'bureau-import', to: '301.5', note: '快报' },
    ])
    // The same file again changes nothing and writes no audit rows.
    expect(await importIndicatorFile(db, { file, actor: 'bureau-import' })).toMatchObject({
      committed: true,
      inserted: 0,
      updated: 0,
      unchanged: 6,
    })
  })

  it('refuses every bad row by number and reason, and writes nothing', async () => {
    const file = await xlsx(
      'bad.xlsx',
      ['指标编码', '统计期', '数值（亿元）', '备注'],
      [
        ['fixed-asset-investment', '2020年8月', 300, 'good row'],
        ['no-such-indicator', '2020', 1, ''],
        ['gdp', '2020年8月', 900, 'monthly period for an annual indicator'],
        ['new-contracts', '2020-07', '约二百', ''],
        ['infrastructure-investment', '2020-07', -3, ''],
        ['fixed-asset-investment', '2020-08', 301, 'same period again'],
        ['new-enterprises', '2020-08', 6400, '家 indicator under a 亿元 header'],
      ],
    )
    const report = await importIndicatorFile(db, { file, actor: 'bureau-import' })
    expect(report.committed).toBe(false)
    expect(report.refused).toEqual([
      { row: 3, reason: "unknown indicator 'no-such-indicator'" },
      { row: 4, reason: "period '2020年8月' is not in the annual cadence of 'gdp'" },
      { row: 5, reason: "value '约二百' of 'new-contracts' is not a number" },
      { row: 6, reason: "value -3 of 'infrastructure-investment' is negative, which it cannot be" },
      { row: 7, reason: "duplicates row 2 ('fixed-asset-investment' for 2020-08)" },
      { row: 8, reason: "the value is declared in 亿元 but 'new-enterprises' is recorded in 家; convert it first" },
    ])
    expect(await valuesOf('fixed-asset-investment')).toEqual([])
    expect(await indicatorHistory(db, 'indicator', 'fixed-asset-investment')).toEqual([])
  })

  it('refuses 万元 declared in a unit column for a 亿元 indicator (CSV in GBK)', async () => {
    const file = join(dir, 'wan.csv')
    writeFileSync(file, iconv.encode('指标名称,统计期,数值,单位\n固定资产投资,2020年1-6月,2300000,万元\n', 'gbk'))
    const report = await importIndicatorFile(db, { file, actor: 'bureau-import', encoding: 'gbk' })
    expect(report).toMatchObject({
      format: 'csv',
      committed: false,
      refused: [
        {
          row: 2,
          reason: "the value is declared in 万元 but 'fixed-asset-investment' is recorded in 亿元; convert it first",
        },
      ],
    })
  })

  it('refuses a table without the needed columns as a whole', async () => {
    const file = await xlsx('cols.xlsx', ['名称', '数值'], [['固定资产投资', 1]])
    await expect(importIndicatorFile(db, { file, actor: 'x' })).rejects.toThrow(/no column headed 统计期/)
  })
})
