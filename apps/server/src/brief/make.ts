import { createContext, type SessionUser } from '@onemap/api/context'
import { createCaller } from '@onemap/api/root'
import type { Database } from '@onemap/db/database'
import { renderBrief } from './render.ts'
import type { BriefLang } from './text.ts'

/** The account the command line reads the brief as: a viewer, so it sees planner fields but changes nothing. */
const CLI_READER: SessionUser = { id: 0, name: 'brief-cli', role: 'viewer' }

export interface BriefRequest {
  since: string
  area?: string | undefined
  lang: BriefLang
}

/** The brief's HTML read as `user` (the signed-in planner over HTTP, the command line's reader otherwise). */
export async function briefHtml(
  db: Database,
  request: BriefRequest,
  user: SessionUser = CLI_READER,
  now?: () => Date,
): Promise<string> {
  const caller = createCaller(createContext(db, { user, ...(now ? { now } : {}) }))
  const data = await caller.duban.brief.data({ since: request.since, ...(request.area ? { area: request.area } : {}) })
  return renderBrief(data, request.lang)
}
