import type { Database } from '@onemap/db/database'
import { riverExists } from '@onemap/db/queries/analysis'
import { missingAreas } from '@onemap/db/queries/filters'
import { type FeatureFilter, filterProblems } from '@onemap/domain/layer-filters'
import type { LayerDefinition } from '@onemap/domain/layers'
import { TRPCError } from '@trpc/server'

/** Checks the selection against the catalogue and the database, naming what is wrong. */
export async function checkSelection(db: Database, layer: LayerDefinition, s: { filter: FeatureFilter; riverZone?: { riverId: string } | undefined }) {
  const problems = filterProblems(layer, s.filter)
  if (problems.length) throw new TRPCError({ code: 'BAD_REQUEST', message: problems.map((p) => `filter.${p.param}: ${p.message}`).join('; ') })
  const missing = (await missingAreas(db, s.filter)).map((m) => `filter.${m.param}: ${m.message}`)
  if (s.riverZone && !(await riverExists(db, s.riverZone.riverId))) missing.push(`riverZone.riverId: No river with id '${s.riverZone.riverId}'`)
  if (missing.length) throw new TRPCError({ code: 'NOT_FOUND', message: missing.join('; ') })
}

