import type { Database } from '@onemap/db/database'
import { riverExists } from '@onemap/db/queries/analysis'
import { refuseFilter } from '@onemap/db/queries/filters'
import type { FeatureFilter } from '@onemap/domain/layer-filters'
import type { LayerDefinition } from '@onemap/domain/layers'
import { TRPCError } from '@trpc/server'

/**
 * Checks a selection (a layer filter, optionally a river zone) against the catalogue and the database:
 * 400 for what the layer cannot filter by, 404 for areas or a river that do not exist, naming each input.
 */
export async function checkSelection(
  db: Database,
  layer: LayerDefinition,
  s: { filter: FeatureFilter; riverZone?: { riverId: string } | undefined },
) {
  const refusal = await refuseFilter(db, layer, s.filter)
  const named = (refusal?.problems ?? []).map((p) => `filter.${p.param}: ${p.message}`)
  if (refusal?.kind === 'invalid') throw new TRPCError({ code: 'BAD_REQUEST', message: named.join('; ') })
  if (s.riverZone && !(await riverExists(db, s.riverZone.riverId)))
    named.push(`riverZone.riverId: No river with id '${s.riverZone.riverId}'`)
  if (named.length) throw new TRPCError({ code: 'NOT_FOUND', message: named.join('; ') })
}
