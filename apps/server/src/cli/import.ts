import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { IMPORT_LAYERS } from '@onemap/db/queries/import'
import { ImportError, EXIT_CODES } from '@onemap/importer/errors'
import { importFile } from '@onemap/importer/import'
import { formatReport } from '@onemap/importer/report'
import { prepareDatabase } from '../boot.ts'
import type { Env } from '../env.ts'

export const IMPORT_USAGE = `pnpm onemap import <file> --layer <layer> [options]
  <file>             .geojson/.json, a zipped Shapefile (.zip) or .csv (WKT or lon/lat columns)
  --layer <layer>    road_segments | facilities | rivers | water_bodies | sub_districts | renewal_units
  --crs <crs>        EPSG:4490 | EPSG:4326 | EPSG:4547 | EPSG:4526 | GCJ-02 | BD-09
                     (default: the file's .prj or "crs" member, else lon/lat degrees)
  --mode <mode>      upsert (default: add and update, keep the rest) | replace (also delete what the file lacks)
  --encoding <enc>   attribute text encoding, e.g. gbk (default: the zip's .cpg, else utf-8)
  --actor <name>     who imports, for the status-event log (default: the OS user name)
  --dry-run          check everything and report, write nothing
Exit codes: 0 imported (or dry run passed), 2 bad command line, 3 unreadable file,
            4 features rejected (nothing written), 1 other failure (e.g. database unreachable)`

/** `pnpm onemap import …`: returns the process exit code; prints the report through `say`. */
export async function runImport(args: string[], env: Env, say: (line: string) => void): Promise<number> {
  let values: { layer?: string; crs?: string; mode?: string; encoding?: string; actor?: string; 'dry-run'?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        layer: { type: 'string' },
        crs: { type: 'string' },
        mode: { type: 'string' },
        encoding: { type: 'string' },
        actor: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    }))
  } catch (err) {
    console.error(`[onemap] ${err instanceof Error ? err.message : String(err)}\n${IMPORT_USAGE}`)
    return EXIT_CODES.usage
  }
  if (positionals.length !== 1 || !values.layer) {
    console.error(`[onemap] import needs exactly one file and --layer\n${IMPORT_USAGE}`)
    return EXIT_CODES.usage
  }
  const options = {
    file: positionals[0] as string,
    layer: values.layer,
    crs: values.crs,
    mode: (values.mode ?? 'upsert') as 'upsert',
    encoding: values.encoding,
    dryRun: values['dry-run'] ?? false,
    actor: values.actor ?? osUser(),
  }
  if (!['upsert', 'replace'].includes(options.mode)) {
    console.error(`[onemap] Unknown --mode '${options.mode}'; use upsert or replace`)
    return EXIT_CODES.usage
  }
  if (!(IMPORT_LAYERS as readonly string[]).includes(values.layer)) {
    console.error(`[onemap] Unknown layer '${values.layer}'; importable layers: ${IMPORT_LAYERS.join(', ')}`)
    return EXIT_CODES.usage
  }
  const db = await prepareDatabase(env, say)
  try {
    const report = await importFile(db, options)
    for (const line of formatReport(report)) say(line)
    return report.rejectedCount > 0 || report.problem ? EXIT_CODES.rejected : 0
  } catch (err) {
    // The import runs in one transaction, so whatever failed, nothing was written; say so in one line.
    console.error(`[onemap] import failed, nothing written: ${err instanceof Error ? err.message : String(err)}`)
    return err instanceof ImportError ? err.exitCode : 1
  } finally {
    await db.close()
  }
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    // Containers may run under a uid without a passwd entry.
    return 'unknown'
  }
}
