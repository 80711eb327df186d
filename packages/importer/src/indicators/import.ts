import type { Database } from '@onemap/db/database'
import { importIndicatorValues } from '@onemap/db/queries/indicator-writes'
import { INDICATOR_REGISTRY } from '@onemap/domain/indicator-registry'
import { checkRows, type RowRefusal } from './check-rows.ts'
import { readTable } from './read-table.ts'

export interface IndicatorImportOptions {
  file: string
  actor: string
  dryRun?: boolean
  /** Text encoding of a CSV (default utf-8; bureau exports are often gbk). */
  encoding?: string
}

/** What an indicator import did or would do, with every refused row. */
export interface IndicatorImportReport {
  file: string
  format: 'xlsx' | 'csv'
  read: number
  accepted: number
  refused: RowRefusal[]
  committed: boolean
  inserted: number
  updated: number
  unchanged: number
}

/**
 * Imports a statistics-bureau table of indicator values, all or nothing: every row is checked first,
 * and one refused row means nothing is written. The values and their audit rows commit together.
 */
export async function importIndicatorFile(
  db: Database,
  options: IndicatorImportOptions,
): Promise<IndicatorImportReport> {
  const table = await readTable(options.file, options.encoding)
  const { accepted, refused } = checkRows(table, INDICATOR_REGISTRY, options.file)
  const report: IndicatorImportReport = {
    file: options.file,
    format: table.format,
    read: table.rows.length,
    accepted: accepted.length,
    refused,
    committed: false,
    inserted: 0,
    updated: 0,
    unchanged: 0,
  }
  if (refused.length > 0 || options.dryRun || accepted.length === 0) return report
  const counts = await db.transaction((client) => importIndicatorValues(client, accepted, options.actor))
  return { ...report, ...counts, committed: true }
}

/** The report as lines for the CLI. */
export function formatIndicatorReport(r: IndicatorImportReport): string[] {
  const lines = [`${r.file} (${r.format}): ${r.read} rows read, ${r.accepted} accepted, ${r.refused.length} refused`]
  for (const x of r.refused) lines.push(`  row ${x.row}: ${x.reason}`)
  if (r.committed) lines.push(`written: ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged`)
  else if (r.refused.length) lines.push('nothing written: fix the refused rows and import the file again')
  else if (r.read === 0) lines.push('nothing written: the table has no rows')
  else lines.push('dry run: nothing written')
  return lines
}
