import { TRPCError } from '@trpc/server'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { DUBAN_FIXTURE_SOURCE, prepareDubanFixture } from '@onemap/db/testing/duban-fixture'
import { PROGRESS_FIXTURE_SOURCE } from '@onemap/db/testing/progress-fixture'
import type { SessionUser } from '../context.ts'

/** A database holding the 督办 fixture (the progress fixture plus units unit-a and unit-b; see packages/db). */
export function openDubanFixture(): Promise<TestDatabase> {
  return openTestDatabase({
    template: 'api-duban-fixture',
    prepare: prepareDubanFixture,
    sources: [DUBAN_FIXTURE_SOURCE, PROGRESS_FIXTURE_SOURCE],
  })
}

export const UNIT_A: SessionUser = { id: 101, name: 'unit-a-user', role: 'unit' }
export const UNIT_B: SessionUser = { id: 102, name: 'unit-b-user', role: 'unit' }
export const UNIT_NONE: SessionUser = { id: 103, name: 'unit-none', role: 'unit' }

/** The tRPC error code a call ends with ('OK' when it succeeds). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'OK'
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err)
  }
}
