import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { unreadable, usageError } from '../errors.ts'

/** A spreadsheet as text: the header row and each later row with its row number in the file. */
export interface Table {
  format: 'xlsx' | 'csv'
  headers: string[]
  rows: { row: number; cells: string[] }[]
}

/** The text of an exceljs cell value: numbers as written, rich text joined, a formula's cached result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  if ('text' in value) return String(value.text)
  return ''
}

async function readXlsx(file: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.readFile(file)
  } catch (err) {
    throw unreadable(`${file}: not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)})`)
  }
  // Bureaus put the table on the first sheet; notes and charts on later ones are ignored.
  const sheet = workbook.worksheets[0]
  if (!sheet || sheet.actualRowCount === 0) throw unreadable(`${file}: the first worksheet is empty`)
  const width = sheet.columnCount
  const texts = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(r.getCell(i + 1).value).trim())
  const headerRow = sheet.getRow(1)
  const rows: Table['rows'] = []
  sheet.eachRow({ includeEmpty: false }, (r, number) => {
    if (number > 1) rows.push({ row: number, cells: texts(r) })
  })
  return { format: 'xlsx', headers: texts(headerRow), rows: rows.filter((r) => r.cells.some((c) => c !== '')) }
}

async function readCsv(file: string, encoding: string): Promise<Table> {
  if (!iconv.encodingExists(encoding))
    throw usageError(`Unknown --encoding '${encoding}'; use e.g. utf-8, gbk or gb18030`)
  const text = iconv.decode(await readFile(file), encoding)
  let records: string[][]
  try {
    records = parse(text, { bom: true, relax_column_count: true, trim: true, skip_empty_lines: true })
  } catch (err) {
    throw unreadable(`${file}: not a readable CSV (${err instanceof Error ? err.message : String(err)})`)
  }
  const [headers, ...rest] = records
  if (!headers) throw unreadable(`${file}: the file is empty`)
  // Rows are numbered as a spreadsheet shows them: the header is row 1.
  return { format: 'csv', headers, rows: rest.map((cells, i) => ({ row: i + 2, cells })) }
}

/** Reads a statistics-bureau table from .xlsx or .csv (UTF-8 by default; GBK exports with `encoding`). */
export async function readTable(file: string, encoding = 'utf-8'): Promise<Table> {
  const ext = extname(file).toLowerCase()
  try {
    if (ext === '.xlsx') return await readXlsx(file)
    if (ext === '.csv') return await readCsv(file, encoding)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw unreadable(`${file}: no such file`)
    throw err
  }
  throw usageError(`${file}: use a .xlsx or .csv file (an old .xls must be saved as .xlsx first)`)
}
