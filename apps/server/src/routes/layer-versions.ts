import type { Database } from '@onemap/db/database'
import { tableVersions } from '@onemap/db/queries/catalogue'
import { type LayerDefinition, versionFromTables } from '@onemap/domain/layers'

/**
 * The current version of every layer table, kept from the `onemap_layers` notifications that each
 * write sends on commit, so an unversioned tile request can hit the cache without a database round
 * trip. Until the first read, and after the listening connection was lost (notifications missed),
 * `current` answers undefined and the caller reads the version from the database.
 */
export class LayerVersions {
  private tables: Map<string, number> | undefined
  private unlisten: (() => Promise<void>) | undefined

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    // Listen first, then read: a write in between is seen by one or the other, and versions only grow.
    this.unlisten = await this.db.listen('onemap_layers', (payload) => this.notified(payload), {
      onReconnect: () => {
        this.tables = undefined
        void this.load().catch(() => {})
      },
    })
    await this.load()
  }

  async stop(): Promise<void> {
    await this.unlisten?.()
    this.tables = undefined
  }

  /** The layer's version (sum over its source tables), or undefined when not known for sure. */
  current(layer: LayerDefinition): number | undefined {
    return this.tables && versionFromTables(layer, this.tables)
  }

  private async load() {
    const read = await tableVersions(this.db)
    const tables = this.tables ?? new Map<string, number>()
    for (const [layer, version] of read) tables.set(layer, Math.max(tables.get(layer) ?? 0, version))
    this.tables = tables
  }

  private notified(payload: string) {
    if (!this.tables) return
    try {
      const { layer, version } = JSON.parse(payload) as { layer: string; version: number }
      this.tables.set(layer, Math.max(this.tables.get(layer) ?? 0, Number(version)))
    } catch {
      this.tables = undefined // an unreadable notification: stop trusting the map until reloaded
      void this.load().catch(() => {})
    }
  }
}
