import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { en as shellEn } from '../../i18n/en.ts'
import { zh as shellZh } from '../../i18n/zh.ts'
import { planEn } from './i18n.en.ts'
import { planZh } from './i18n.zh.ts'
import { type ExportFeature, exportTable, neutralise, toCsv, toGeoJson, toXlsx, UTF8_BOM } from './export-files.ts'

// The workbench's strings load with its chunk (addModeStrings); the export reads both sets.
const zh = { ...shellZh, plan: planZh }
const en = { ...shellEn, plan: planEn }
const i18n = i18next.createInstance()
await i18n.init({
  lng: 'zh',
  resources: { zh: { translation: zh }, en: { translation: en } },
  interpolation: { escapeValue: false },
})

const feature: ExportFeature = {
  type: 'Feature',
  id: 'r-1',
  geometry: {
    type: 'LineString',
    coordinates: [
      [113.5, 34.8],
      [113.51, 34.8],
    ],
  },
  properties: {
    id: 'r-1',
    roadId: 'r',
    nameZh: '=HYPERLINK("http://x")',
    nameEn: 'Kexue Avenue, "east"',
    roadClass: 'arterial',
    status: 'planned',
    lengthM: 913.4,
    plannedStart: '2021-03-01',
    lateDays: 12,
    state: 'overdue',
    inProgramme: true,
  },
  wkt: 'LINESTRING(113.5 34.8,113.51 34.8)',
}

describe('export files', () => {
  it('writes CSV with a BOM, Chinese headers and status labels, quoted fields and a WKT column', () => {
    const csv = toCsv(exportTable('segments', [feature], i18n.getFixedT('zh'), 'zh'))
    expect(csv.startsWith(UTF8_BOM)).toBe(true)
    const [header, row] = csv.slice(1).split('\r\n')
    expect(header?.split(',').slice(0, 5)).toEqual(['编号', '道路编号', '名称', '道路等级', '状态'])
    expect(header?.endsWith('几何(WKT, CGCS2000)"')).toBe(true)
    expect(row).toContain(`'=HYPERLINK(""http://x"")`)
    expect(row).toContain(',主干路,规划,913.4,2021-03-01,')
    expect(row?.endsWith('"LINESTRING(113.5 34.8,113.51 34.8)"')).toBe(true)
  })

  it('writes English headers and names in the English UI', () => {
    const csv = toCsv(exportTable('segments', [feature], i18n.getFixedT('en'), 'en'))
    const [header, row] = csv.slice(1).split('\r\n')
    expect(header?.startsWith('Id,Road id,Name,Road class,Status')).toBe(true)
    expect(row).toContain('"Kexue Avenue, ""east""",Arterial,Planned')
  })

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(bad)).toBe(`'${bad}`)
    expect(neutralise('科学大道')).toBe('科学大道')
  })

  it('writes RFC 7946 GeoJSON without the WKT member', () => {
    const { wkt: _wkt, ...plain } = feature
    expect(JSON.parse(toGeoJson([feature]))).toEqual({ type: 'FeatureCollection', features: [plain] })
  })

  it('writes an .xlsx workbook with a frozen header row and real dates', async () => {
    const buffer = await toXlsx(exportTable('segments', [feature], i18n.getFixedT('zh'), 'zh'), '路段')
    const { default: ExcelJS } = await import('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(buffer)
    const sheet = book.getWorksheet('路段')!
    expect(sheet.getRow(1).getCell(3).value).toBe('名称')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const start = sheet.getRow(2).getCell(7).value
    expect(start).toBeInstanceOf(Date)
    expect((start as Date).toISOString().slice(0, 10)).toBe('2021-03-01')
  })
})
