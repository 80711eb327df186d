import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { EXIT_CODES, ImportError } from '@onemap/importer/errors'
import { formatIndicatorReport, importIndicatorFile } from '@onemap/importer/indicators'
import { prepareDatabase } from '../boot.ts'
import type { Env } from '../env.ts'

export const INDICATORS_USAGE = `pnpm onemap indicators import <file> [options]
  <file>             a statistics-bureau table, .xlsx (first sheet) or .csv, one row per indicator and period:
                     指标编码 or 指标名称, 统计期 (2020年 / 2020年第三季度 / 2020年1-8月 / 2020-08), 数值,
                     optional 单位 and 备注; a unit may also be declared in the value header, e.g. 数值（亿元）
  --encoding <enc>   text encoding of a CSV (default utf-8; e.g. gbk)
  --actor <name>     who imports, for the audit trail (default: the OS user name)
  --dry-run          check every row and report, write nothing
All or nothing: any refused row (unknown indicator, period outside the cadence, not a number, a negative
value, a duplicate row, a wrong unit) is listed by row number and nothing is written.
Exit codes: 0 imported (or dry run passed), 2 bad command line, 3 unreadable file, 4 rows refused, 1 other`

function osUser(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}

/** `pnpm onemap indicators import …`: returns the process exit code; prints the report through `say`. */
export async function runIndicators(args: string[], env: Env, say: (line: string) => void): Promise<number> {
  let values: { actor?: string; encoding?: string; 'dry-run'?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        actor: { type: 'string' },
        encoding: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    }))
  } catch (err) {
    console.error(`[onemap] ${err instanceof Error ? err.message : String(err)}\n${INDICATORS_USAGE}`)
    return EXIT_CODES.usage
  }
  const [sub, file, ...extra] = positionals
  if (sub !== 'import' || !file || extra.length) {
    console.error(`[onemap] indicators needs 'import' and exactly one file\n${INDICATORS_USAGE}`)
    return EXIT_CODES.usage
  }
  const db = await prepareDatabase(env, say)
  try {
    const report = await importIndicatorFile(db, {
      file,
      actor: values.actor ?? osUser(),
      dryRun: values['dry-run'] ?? false,
      encoding: values.encoding,
    })
    for (const line of formatIndicatorReport(report)) say(line)
    return report.refused.length > 0 ? EXIT_CODES.rejected : 0
  } catch (err) {
    if (!(err instanceof ImportError)) throw err
    console.error(`[onemap] indicators import failed, nothing written: ${err.message}`)
    return err.exitCode
  } finally {
    await db.close()
  }
}
