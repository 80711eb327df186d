import type { CurrentVersion } from '@onemap/db/queries/edits'

/** Carried as the cause of a CONFLICT error; the error formatter sends its fields to the client. */
export class VersionConflict extends Error {
  override name = 'VersionConflict'
  constructor(readonly current: CurrentVersion) {
    super(`now at version ${current.version}, changed by ${current.updatedBy} at ${current.updatedAt}`)
  }
}
