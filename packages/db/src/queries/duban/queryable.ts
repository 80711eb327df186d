import type { Database } from '../../database.ts'

/** The database or a client inside a transaction: reads run on either. */
export interface Queryable {
  query: Database['query']
}
