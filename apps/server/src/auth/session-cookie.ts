import type { SessionCookie } from '@onemap/api/context'
import { SESSION_COOKIE } from '@onemap/api/sessions'
import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * The session token as an httpOnly cookie: scripts cannot read it, SameSite=Lax keeps it off
 * cross-site subrequests and POSTs, and Secure is set whenever the request came over HTTPS (behind a
 * proxy that needs trustProxy). Its expiry equals the session's expiry in the database.
 */
export function sessionCookieFor(request: FastifyRequest, reply: FastifyReply): SessionCookie {
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' }
  return {
    read: () => request.cookies[SESSION_COOKIE],
    set: (token, expires) => {
      reply.setCookie(SESSION_COOKIE, token, { ...base, expires })
    },
    clear: () => {
      reply.clearCookie(SESSION_COOKIE, base)
    },
  }
}
