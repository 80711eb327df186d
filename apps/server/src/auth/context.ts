import { createContext, type Context } from '@onemap/api/context'
import { resolveSession } from '@onemap/api/sessions'
import type { Database } from '@onemap/db/database'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { localAdminUser } from './local-admin.ts'
import { sessionCookieFor } from './session-cookie.ts'

/** The tRPC context of one HTTP request: the account behind its session cookie, if any. */
export async function contextFromRequest(db: Database, req: FastifyRequest, res: FastifyReply): Promise<Context> {
  const cookie = sessionCookieFor(req, res)
  const user = localAdminUser(req) ?? (await resolveSession(db, cookie.read()))
  return createContext(db, {
    user,
    cookie,
    clientIp: req.ip,
    requestId: req.id,
    retryAfter: (s) => void res.header('retry-after', String(s)),
  })
}
