import type { TFunction } from 'i18next'

/** One exported feature: the API's GeoJSON feature plus its geometry as WKT. */
export interface ExportFeature {
  type: 'Feature'
  id: string
  geometry: unknown
  properties: Record<string, unknown>
  wkt?: string | null
}

export type ExportKind = 'segments' | 'facilities'
type Cell = string | number | Date | null

/** A column of the CSV and Excel exports: its header key (plan.export.col.*) and how a row fills it. */
interface Column {
  key: string
  /** 'date' cells are written as dates in Excel; in CSV as YYYY-MM-DD, which Excel reads as a date. */
  type?: 'date' | 'number'
  value: (p: Record<string, unknown>, t: TFunction, lang: string) => Cell
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
const num = (v: unknown) => (typeof v === 'number' ? v : null)
const field = (key: string, type?: Column['type']): Column => ({
  key,
  ...(type ? { type } : {}),
  value: (p) => (type === 'number' ? num(p[key]) : str(p[key])),
})
const name: Column = { key: 'name', value: (p, _t, lang) => str(lang === 'zh' ? p.nameZh : p.nameEn) }
const label = (key: string, prefix: string): Column => ({
  key,
  value: (p, t) => (p[key] == null ? null : t(`${prefix}.${String(p[key])}`)),
})
const dates = ['plannedStart', 'plannedFinish', 'revisedStart', 'revisedFinish', 'actualStart', 'actualFinish'].map(
  (k) => field(k, 'date'),
)
const tail: Column[] = [
  field('lateDays', 'number'),
  field('lateDaysRevised', 'number'),
  { key: 'state', value: (p, t) => t(`plan.schedule.${String(p.state)}`) },
  field('subDistrictCode'),
  field('subDistrictName'),
  { key: 'inProgramme', value: (p, t) => t(p.inProgramme ? 'plan.export.yes' : 'plan.export.no') },
]

/** Column order of the exports: what a planner reads first, then dates, lateness and place, then WKT. */
export const EXPORT_COLUMNS: Record<ExportKind, readonly Column[]> = {
  segments: [
    field('id'),
    field('roadId'),
    name,
    label('roadClass', 'roadClass'),
    label('status', 'roadStatus'),
    field('lengthM', 'number'),
    ...dates,
    ...tail,
  ],
  facilities: [field('id'), name, label('kind', 'kind'), label('status', 'status'), ...dates, ...tail],
}

/** Header row and cell rows of the features, in the UI language. */
export function exportTable(kind: ExportKind, features: readonly ExportFeature[], t: TFunction, lang: string) {
  const columns = EXPORT_COLUMNS[kind]
  const header = [...columns.map((c) => t(`plan.export.col.${c.key}`)), t('plan.export.col.wkt')]
  const rows = features.map((f) => [...columns.map((c) => c.value(f.properties, t, lang)), f.wkt ?? null])
  return { header, rows, types: [...columns.map((c) => c.type), undefined] }
}

/** Byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF'

/**
 * A text cell a spreadsheet would run as a formula (= + - @, or a leading tab or CR, OWASP "CSV
 * injection") gets a leading apostrophe, so a name like `=HYPERLINK(…)` from an imported file stays text.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** One CSV field: neutralised, then quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = neutralise(value instanceof Date ? value.toISOString().slice(0, 10) : value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** CSV text (BOM, header row in the UI language, CRLF line ends) of the table. */
export function toCsv(table: ReturnType<typeof exportTable>): string {
  const lines = [table.header.map(csvField).join(','), ...table.rows.map((r) => r.map(csvField).join(','))]
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}

/** GeoJSON text of the features per RFC 7946 (lon/lat degrees, no `crs`; CGCS2000 is within centimetres of WGS84). */
export function toGeoJson(features: readonly ExportFeature[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features: features.map(({ wkt: _wkt, ...f }) => f) })
}

/**
 * An .xlsx workbook of the table: bold header row, frozen below the header and right of the id,
 * dates as real dates. exceljs is loaded only when a planner exports (it is large).
 */
export async function toXlsx(table: ReturnType<typeof exportTable>, sheetName: string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
  sheet.addRow(table.header).font = { bold: true }
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell, i) => {
        if (table.types[i] === 'date' && typeof cell === 'string') return new Date(`${cell}T00:00:00Z`)
        // Excel has no formula injection through typed string cells, but keep the text as the CSV shows it.
        return typeof cell === 'string' ? neutralise(cell) : cell
      }),
    )
  }
  table.types.forEach((type, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = type === 'date' ? 12 : Math.min(40, Math.max(10, String(table.header[i] ?? '').length * 2 + 2))
    if (type === 'date') column.numFmt = 'yyyy-mm-dd'
  })
  return (await book.xlsx.writeBuffer()) as ArrayBuffer
}

/** Offers `data` to the browser as a download named `filename`. */
export function download(filename: string, data: string | ArrayBuffer, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
