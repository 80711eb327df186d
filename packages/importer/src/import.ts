import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import type { Database } from '@onemap/db/database'
import {
  IMPORT_LAYERS,
  createStaging,
  stageFeatures,
  type ImportLayer,
  type StagedFeature,
} from '@onemap/db/queries/import'
import { mergeStaged } from '@onemap/db/queries/import-merge'
import { parseCrsName, SOURCE_CRSS, type SourceCrs } from '@onemap/geo/crs'
import { field } from './attributes.ts'
import { ImportError, usageError } from './errors.ts'
import { prepareGeometry } from './geometry.ts'
import { attributeProblem, countVertices, ImportLimits } from './limits.ts'
import { LAYER_SPECS } from './layers.ts'
import { openSource } from './readers/open.ts'
import type { FeatureSource, SourceFeature } from './readers/source.ts'
import { emptyReport, RejectionLog, type ImportReport } from './report.ts'
import { checkStaged } from './staged-checks.ts'

export const ImportOptions = z.object({
  file: z.string().min(1, 'name the file to import'),
  layer: z.string().min(1, 'pass --layer'),
  crs: z.string().optional(),
  mode: z.enum(['upsert', 'replace']).default('upsert'),
  encoding: z.string().optional(),
  dryRun: z.boolean().default(false),
  actor: z.string().min(1).max(100),
  /** Size bounds (src/limits.ts); tests lower them. */
  limits: ImportLimits.default(ImportLimits.parse({})),
})
export type ImportOptions = z.input<typeof ImportOptions>

/** Features per staging INSERT; also capped by GeoJSON text size so huge polygons do not pile up. */
const BATCH_FEATURES = 500
const BATCH_CHARS = 4_000_000

/** Thrown inside the transaction to roll it back while still returning the report. */
class RollBack extends Error {}

/**
 * Imports one file into one layer, all or nothing: features stream into a staging table inside a single
 * transaction; any rejected feature, any failed check, or --dry-run rolls the whole transaction back.
 * Throws ImportError for a bad command line or an unreadable file; returns the report otherwise.
 */
export async function importFile(db: Database, input: ImportOptions): Promise<ImportReport> {
  const parsed = ImportOptions.safeParse(input)
  if (!parsed.success)
    throw usageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; '))
  const options = parsed.data
  const layer = IMPORT_LAYERS.find((l) => l === options.layer)
  if (!layer) throw usageError(`Unknown layer '${options.layer}'; importable layers: ${IMPORT_LAYERS.join(', ')}`)
  const forcedCrs = options.crs === undefined ? undefined : parseCrsName(options.crs)
  if (options.crs !== undefined && !forcedCrs)
    throw usageError(`Unknown --crs '${options.crs}'; use one of ${SOURCE_CRSS.join(', ')}`)
  const exists = await stat(options.file).then(
    (s) => s.isFile(),
    () => false,
  )
  if (!exists) throw usageError(`No such file: ${options.file}`)

  const source = openSource(options.file, { encoding: options.encoding, limits: options.limits })
  const report = emptyReport(basename(options.file), layer, source.format, options.mode, options.dryRun)
  try {
    await db.transaction(async (client) => {
      await createStaging(client)
      const rejections = new RejectionLog()
      await stageAll(source, layer, forcedCrs, options.limits, report, rejections, (batch) =>
        stageFeatures(client, batch),
      )
      report.notes.push(...source.notes())
      if (rejections.count === 0) await checkStaged(client, layer, report, rejections)
      report.rejected = rejections.list
      report.rejectedCount = rejections.count
      if (rejections.count > 0 || report.problem) throw new RollBack()
      const counts = await mergeStaged(client, layer, {
        mode: options.mode,
        actor: options.actor,
        source: `${report.file} (${report.format}, ${report.crs})`,
      }).catch((err: unknown) => {
        throw constraintError(err, layer)
      })
      Object.assign(report, counts)
      if (options.dryRun) throw new RollBack()
    })
    report.committed = !options.dryRun
  } catch (err) {
    if (!(err instanceof RollBack)) throw err
  } finally {
    await source.close()
  }
  return report
}

/**
 * A row the merge produced broke a CHECK or NOT NULL rule, typically because a date kept from the stored
 * row contradicts one from the file (finish before start). Name the rule and the row's id, not the SQL.
 */
function constraintError(err: unknown, layer: ImportLayer): unknown {
  const e = err as { code?: string; constraint?: string; column?: string; detail?: string }
  if (typeof e.code !== 'string' || !e.code.startsWith('23')) return err
  const id = /Failing row contains \(([^,)]*)/.exec(e.detail ?? '')?.[1]
  const rule = e.constraint ?? (e.column ? `${e.column} must not be empty` : e.code)
  return new ImportError(
    'rejected',
    `${layer}${id ? ` '${id}'` : ''} would break the rule ${rule} once merged with the stored row ` +
      '(e.g. a finish date before a start date kept from the database); give both dates in the file',
  )
}

/** Reads, converts and validates every feature; stages valid ones in batches until the first rejection. */
async function stageAll(
  source: FeatureSource,
  layer: ImportLayer,
  forcedCrs: SourceCrs | undefined,
  limits: ImportLimits,
  report: ImportReport,
  rejections: RejectionLog,
  stage: (batch: StagedFeature[]) => Promise<void>,
) {
  const spec = LAYER_SPECS[layer]
  let crs: SourceCrs | undefined
  let batch: StagedFeature[] = []
  let batchChars = 0
  for await (const feature of source.features()) {
    crs ??= resolveCrs(source, forcedCrs, report)
    report.read++
    const staged = prepareFeature(feature, report.read, spec, crs, limits, report, rejections)
    // After the first rejection nothing will be written, so staging would only cost time.
    if (!staged || rejections.count > 0) continue
    batch.push(staged)
    batchChars += staged.geojson.length
    if (batch.length >= BATCH_FEATURES || batchChars >= BATCH_CHARS) {
      await stage(batch)
      batch = []
      batchChars = 0
    }
  }
  if (rejections.count === 0) await stage(batch)
}

function resolveCrs(source: FeatureSource, forced: SourceCrs | undefined, report: ImportReport): SourceCrs {
  const declared = source.declaredCrs()
  if (forced) {
    report.crsFrom = '--crs'
    if (declared && declared.crs !== forced)
      report.notes.push(`--crs ${forced} overrides ${declared.crs} declared by ${declared.from}`)
    return (report.crs = forced)
  }
  if (declared) {
    report.crsFrom = declared.from
    return (report.crs = declared.crs)
  }
  // RFC 7946 GeoJSON is WGS84 by definition; a CSV or a Shapefile without .prj is taken as CGCS2000
  // degrees. Either way the extent check catches metres or swapped axes.
  report.crsFrom = source.format === 'geojson' ? 'GeoJSON default (RFC 7946)' : 'default: the file names no CRS'
  return (report.crs = source.format === 'geojson' ? 'EPSG:4326' : 'EPSG:4490')
}

function prepareFeature(
  feature: SourceFeature,
  ord: number,
  spec: (typeof LAYER_SPECS)[ImportLayer],
  crs: SourceCrs,
  limits: ImportLimits,
  report: ImportReport,
  rejections: RejectionLog,
): StagedFeature | undefined {
  const rawId = field(feature.properties, spec.idFields)?.value ?? feature.id
  const id = rawId === undefined ? undefined : String(rawId).trim()
  // Checked before the mapping: a NUL or an oversized value must not reach the database.
  const unstorable = id?.includes('\u0000')
    ? 'its id contains a NUL character'
    : attributeProblem(feature.properties, limits.attributeChars)
  if (unstorable || countVertices(feature.geometry, limits.vertices) > limits.vertices) {
    const reason =
      unstorable ?? `has more than ${limits.vertices} vertices; simplify it or split it into several features`
    rejections.add({ where: feature.where, id: (id ?? '').slice(0, 100), reason })
    return undefined
  }
  const problems = { errors: [] as string[], unknownLabels: [] as { field: string; value: string }[] }
  if (!id) problems.errors.push(`has no id (field ${spec.idFields.slice(0, 2).join(' / ')} or a GeoJSON feature id)`)
  else if (id.length > 100) problems.errors.push('has an id longer than 100 characters')
  const attrs = spec.attributes(feature.properties, problems)
  for (const u of problems.unknownLabels) report.countUnknownLabel(u.field, u.value)
  if (feature.geometryError) problems.errors.unshift(feature.geometryError)
  const geometry = feature.geometryError ? undefined : prepareGeometry(feature.geometry, spec.geometry, crs)
  if (geometry && 'reason' in geometry) {
    problems.errors.unshift(geometry.reason)
    if (geometry.hint) report.countHint(geometry.hint)
  }
  if (problems.errors.length > 0 || !geometry || 'reason' in geometry || !id) {
    rejections.add({ where: feature.where, id: id ?? '', reason: problems.errors.join('; ') })
    return undefined
  }
  return { ord, where: feature.where, id, attrs, geojson: JSON.stringify(geometry) }
}
