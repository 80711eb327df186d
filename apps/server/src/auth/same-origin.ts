import type { FastifyInstance, FastifyRequest } from 'fastify'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** True when a state-changing request plainly comes from a page of another site. */
export function isCrossOrigin(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false
  const origin = request.headers.origin
  if (origin !== undefined) {
    // 'null' (sandboxed frames, file://) is never our page.
    if (origin === 'null') return true
    try {
      return new URL(origin).host !== request.headers.host
    } catch {
      return true
    }
  }
  // Older browsers omit Origin on some requests but send Fetch Metadata; tools such as curl send neither.
  return request.headers['sec-fetch-site'] === 'cross-site'
}

/**
 * Refuses state-changing requests from another origin with 403 before they reach a handler. The
 * SameSite cookie already stops most cross-site requests from carrying a session; this closes the
 * remaining gaps (same-site subdomains, browsers without SameSite) and cross-origin logins.
 */
export function refuseCrossOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isCrossOrigin(request)) return
    return reply.status(403).send({
      code: 'forbidden_origin',
      description: `Requests from ${request.headers.origin ?? 'another site'} may not change data here`,
    })
  })
}
