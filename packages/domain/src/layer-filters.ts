import { z } from 'zod'
import { IsoDate, noNul } from './input-text.ts'
import type { FilterName, LayerDefinition } from './layers.ts'

export { noNul } from './input-text.ts'

/** Feature ids and division codes are short text; anything longer is abuse, not an id. */
const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine(noNul, 'must not contain NUL')
const Values = z
  .array(z.string().min(1).max(40).refine(noNul, 'must not contain NUL'))
  .min(1, 'must list at least one value')
  .max(20)

/**
 * Filters shared by features.query, tile query parameters and OGC items. Which ones a layer
 * accepts, and which values, is checked against the catalogue by `filterProblems`.
 */
export const FeatureFilter = z.strictObject({
  status: Values.optional(),
  class: Values.optional(),
  kind: Values.optional(),
  /** NBS code of a sub-district, e.g. 410172560; features intersecting it. */
  subDistrict: z
    .string()
    .regex(/^\d{9,12}$/, 'expected a 9–12 digit division code')
    .optional(),
  /** Id of a renewal zone / unit; features intersecting it. */
  renewalZone: Id.optional(),
  renewalUnit: Id.optional(),
  /** Planned period overlapping [plannedFrom, plannedTo] (either end open). */
  plannedFrom: IsoDate.optional(),
  plannedTo: IsoDate.optional(),
  /** Case-insensitive substring of the Chinese or English name. */
  q: z
    .string()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .refine(noNul, 'must not contain NUL')
    .optional(),
})
export type FeatureFilter = z.infer<typeof FeatureFilter>

/** Longitude/latitude bounding box in degrees (CGCS2000 ≈ WGS84): [west, south, east, north]. */
export const LonLatBbox = z
  .tuple([
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
  ])
  .refine(([w, s, e, n]) => w <= e && s <= n, {
    message: 'bbox must be [west, south, east, north] with west ≤ east, south ≤ north',
  })
export type LonLatBbox = z.infer<typeof LonLatBbox>

export interface FilterProblem {
  /** The parameter at fault, e.g. "status" or "plannedTo". */
  param: string
  message: string
}

const FILTER_OF_PARAM: Record<keyof FeatureFilter, FilterName> = {
  status: 'status',
  class: 'class',
  kind: 'kind',
  subDistrict: 'subDistrict',
  renewalZone: 'renewalZone',
  renewalUnit: 'renewalUnit',
  plannedFrom: 'planned',
  plannedTo: 'planned',
  q: 'q',
}

/** Problems of a (schema-valid) filter for one layer: filters it lacks and values outside its lists. */
export function filterProblems(layer: LayerDefinition, filter: FeatureFilter): FilterProblem[] {
  const problems: FilterProblem[] = []
  for (const [param, value] of Object.entries(filter) as [keyof FeatureFilter, unknown][]) {
    if (value === undefined) continue
    if (!layer.filters.includes(FILTER_OF_PARAM[param])) {
      problems.push({ param, message: `layer '${layer.id}' cannot be filtered by ${param}` })
      continue
    }
    if (param === 'status' || param === 'class' || param === 'kind') {
      const allowed = layer.fields.find((f) => f.name === param)?.values ?? []
      const bad = (value as string[]).filter((v) => !allowed.includes(v))
      if (bad.length > 0) {
        problems.push({
          param,
          message: `unknown ${param} ${bad.map((b) => `'${b.slice(0, 40)}'`).join(', ')} for layer '${layer.id}' (allowed: ${allowed.join(', ')})`,
        })
      }
    }
  }
  if (filter.plannedFrom && filter.plannedTo && filter.plannedFrom > filter.plannedTo) {
    problems.push({ param: 'plannedTo', message: 'plannedTo must not be before plannedFrom' })
  }
  return problems
}
