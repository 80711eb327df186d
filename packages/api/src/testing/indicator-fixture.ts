import { createHash } from 'node:crypto'
import { syncIndicatorRegistry } from '@onemap/db/queries/indicators'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { INDICATOR_REGISTRY, MILESTONE_REGISTRY } from '@onemap/domain/indicator-registry'

/** A migrated database holding the indicator registry and no values; the template follows the registry. */
export function openIndicatorDatabase(): Promise<TestDatabase> {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([INDICATOR_REGISTRY, MILESTONE_REGISTRY]))
    .digest('hex')
    .slice(0, 12)
  return openTestDatabase({ template: `api-indicators-${fingerprint}`, prepare: (db) => syncIndicatorRegistry(db) })
}
