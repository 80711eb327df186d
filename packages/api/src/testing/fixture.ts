import type { Database } from '@onemap/db/database'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { PROGRESS_FIXTURE_SOURCE, prepareProgressFixture } from '@onemap/db/testing/progress-fixture'
import { createContext, type SessionUser } from '../context.ts'
import { createCaller } from '../root.ts'

/** A database holding the progress fixture (one road of four segments, schools, a clinic; see packages/db). */
export function openFixtureDatabase(): Promise<TestDatabase> {
  return openTestDatabase({
    template: 'api-progress-fixture',
    prepare: prepareProgressFixture,
    sources: [PROGRESS_FIXTURE_SOURCE],
  })
}

export const PLANNER: SessionUser = { id: 1, name: 'planner-li', role: 'planner' }
export const ADMIN: SessionUser = { id: 2, name: 'admin', role: 'admin' }
export const VIEWER: SessionUser = { id: 3, name: 'viewer-wang', role: 'viewer' }

/** A caller acting as `user` (null: the public) on a fixed day in the zone. */
export function callerAs(db: Database, user: SessionUser | null, now = new Date('2021-06-01T04:00:00Z')) {
  return createCaller(createContext(db, { user, now: () => now }))
}
