import type { Database } from '@onemap/db/database'

/** What every procedure may use; built without HTTP so tests call routers through createCaller. */
export interface Context {
  db: Database
}

export function createContext(db: Database): Context {
  return { db }
}
