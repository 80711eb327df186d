import type { Database } from '@onemap/db/database'
import { tableVersions } from '@onemap/db/queries/catalogue'
import type { LayerVersionMessage } from '@onemap/domain/change-event'
import { LAYERS, type LayerDefinition, layersFedBy, versionFromTables } from '@onemap/domain/layers'
import { z } from 'zod'
import { type ChannelHub, hubCache } from './channel-hub.ts'

/** The trigger of migration 002 sends {layer: <table>, version: <table's version>} on every write to a layer table. */
export const LAYERS_CHANNEL = 'onemap_layers'

export type LayerHub = ChannelHub<LayerVersionMessage[]>

const Payload = z.object({ layer: z.string().min(1) })

/** The catalogue layers' versions from the tables' (their sum over versionSources); a layer missing a table is left out. */
function versionsOf(layers: readonly LayerDefinition[], tables: ReadonlyMap<string, number>): LayerVersionMessage[] {
  return layers.flatMap((l) => {
    const version = versionFromTables(l, tables)
    return version === undefined ? [] : [{ type: 'layer' as const, layer: l.id, version }]
  })
}

// The highest version each hub has announced per layer. A bulk write of several statements notifies once
// per statement, yet the first read after its commit already sees the last version: the rest announce nothing.
const announced = new WeakMap<Database, Map<string, number>>()

/**
 * A write to a table moves every catalogue layer that reads it (a write to `roads` moves road_segments).
 * The payload's own version is the table's, not the layer's: the tables' versions are read once per
 * notification for the whole process, and each layer whose sum moved past the last announced is announced.
 */
async function readLayerVersions(raw: unknown, db: Database): Promise<LayerVersionMessage[] | null> {
  const payload = Payload.safeParse(raw)
  if (!payload.success) return null
  const layers = layersFedBy(payload.data.layer)
  if (layers.length === 0) return null
  let last = announced.get(db)
  if (!last) announced.set(db, (last = new Map()))
  const moved = versionsOf(layers, await tableVersions(db)).filter((m) => m.version > (last.get(m.layer) ?? -1))
  for (const m of moved) last.set(m.layer, m.version)
  return moved.length > 0 ? moved : null
}

/** The one layer-version hub of a database object. */
export const layerHubFor: (db: Database) => LayerHub = hubCache(LAYERS_CHANNEL, readLayerVersions)

/**
 * Every catalogue layer's version now, for a subscriber that may have missed notifications (the hub's
 * listener reconnected, or the client itself did): one small read per such subscriber, as the change
 * log's catch-up is, and not shared, since a read begun before the reconnect could miss what it missed.
 */
export async function currentLayerVersions(db: Database): Promise<LayerVersionMessage[]> {
  return versionsOf(LAYERS, await tableVersions(db))
}
