import { type FeatureFilter, type FilterProblem, filterProblems } from '@onemap/domain/layer-filters'
import type { LayerDefinition } from '@onemap/domain/layers'
import type { Database } from '../database.ts'
import { LAYER_SQL } from './catalogue.ts'
import { inArea } from './places.ts'

/** Collects bound parameters; `add` returns the placeholder ($n) for a value. */
export class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** Escapes LIKE wildcards so a name search for "100%" matches the text, not everything. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * SQL conditions (ANDed) for a filter that `filterProblems` accepted. Values are bound; the only
 * text spliced in comes from LAYER_SQL.
 */
export function filterConditions(layer: LayerDefinition, filter: FeatureFilter, params: Params): string[] {
  const sql = LAYER_SQL[layer.id]
  const where: string[] = []
  if (filter.status) where.push(`${sql.columns.status} = ANY(${params.add(filter.status)}::text[])`)
  if (filter.class) where.push(`${sql.columns.class} = ANY(${params.add(filter.class)}::text[])`)
  if (filter.kind) where.push(`${sql.columns.kind} = ANY(${params.add(filter.kind)}::text[])`)
  // Which area an item is in follows one rule, shared with the progress figures (see places.ts).
  if (filter.subDistrict) where.push(inArea(layer.id, 'sub_districts', params.add(filter.subDistrict)))
  if (filter.renewalZone) where.push(inArea(layer.id, 'renewal_zones', params.add(filter.renewalZone)))
  if (filter.renewalUnit) where.push(inArea(layer.id, 'renewal_units', params.add(filter.renewalUnit)))
  // A planned period overlaps the range; a feature with no planned dates never matches a date filter.
  if (filter.plannedFrom) {
    where.push(`COALESCE(t.planned_finish, t.planned_start) >= ${params.add(filter.plannedFrom)}::date`)
  }
  if (filter.plannedTo) {
    where.push(`COALESCE(t.planned_start, t.planned_finish) <= ${params.add(filter.plannedTo)}::date`)
  }
  if (filter.q) {
    const p = params.add(likePattern(filter.q))
    where.push(`(${sql.columns.name_zh} ILIKE ${p} ESCAPE '\\' OR ${sql.columns.name_en} ILIKE ${p} ESCAPE '\\')`)
  }
  return where
}

/** A filter names an area that does not exist: the caller answers 404 naming it, never an empty result. */
export interface MissingArea {
  param: 'subDistrict' | 'renewalZone' | 'renewalUnit'
  message: string
}

/** Checks that the sub-district, renewal zone and unit a filter names exist (one query, only when used). */
export async function missingAreas(db: Database, filter: FeatureFilter): Promise<MissingArea[]> {
  if (!filter.subDistrict && !filter.renewalZone && !filter.renewalUnit) return []
  const { rows } = await db.query<{ sd: boolean; rz: boolean; ru: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM sub_districts WHERE code = $1) AS sd,
            EXISTS (SELECT 1 FROM renewal_zones WHERE id = $2) AS rz,
            EXISTS (SELECT 1 FROM renewal_units WHERE id = $3) AS ru`,
    [filter.subDistrict ?? null, filter.renewalZone ?? null, filter.renewalUnit ?? null],
  )
  const found = rows[0] ?? { sd: false, rz: false, ru: false }
  const missing: MissingArea[] = []
  if (filter.subDistrict && !found.sd)
    missing.push({ param: 'subDistrict', message: `No sub-district with code '${filter.subDistrict}'` })
  if (filter.renewalZone && !found.rz)
    missing.push({ param: 'renewalZone', message: `No renewal zone with id '${filter.renewalZone}'` })
  if (filter.renewalUnit && !found.ru)
    missing.push({ param: 'renewalUnit', message: `No renewal unit with id '${filter.renewalUnit}'` })
  return missing
}

/** Why a request's filter is refused: the catalogue refuses it (400) or an area it names does not exist (404). */
export interface FilterRefusal {
  kind: 'invalid' | 'missing'
  /** Every parameter at fault, with why, in the caller's order. */
  problems: FilterProblem[]
}

/**
 * Checks a filter for a layer the way every route does: first against the catalogue (no database), then,
 * only when that passes, that the areas it names exist. Null when the filter may run.
 */
export async function refuseFilter(
  db: Database,
  layer: LayerDefinition,
  filter: FeatureFilter,
): Promise<FilterRefusal | null> {
  const problems = filterProblems(layer, filter)
  if (problems.length > 0) return { kind: 'invalid', problems }
  const missing = await missingAreas(db, filter)
  return missing.length > 0 ? { kind: 'missing', problems: missing } : null
}
