import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ParameterError } from './routes/query-params.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** ONEMAP_PUBLIC_URL's origin, or '' when unset. */
    publicOrigin: string
  }
}

// A host name, IPv4 or bracketed IPv6 literal, with an optional port: nothing that could carry a path.
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(:\d{1,5})?$/

/**
 * Makes the origin of absolute links (TileJSON `tiles`, OGC `links`) known to every route. With
 * ONEMAP_PUBLIC_URL set, it is that origin and the Host header is never read. Unset (development,
 * `npm start` reached as localhost or over the LAN) it is the request's own scheme and Host, refused
 * unless Host is a plain host[:port], and every answer says `Vary: Host` so no shared cache serves
 * one caller's links to another.
 */
export function registerPublicOrigin(app: FastifyInstance, publicUrl: string | undefined): void {
  app.decorate('publicOrigin', publicUrl ?? '')
  if (publicUrl) return
  app.addHook('onSend', async (_request, reply, payload) => {
    const vary = String(reply.getHeader('vary') ?? '')
    if (!/\bhost\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Host` : 'Host')
    return payload
  })
}

/** The origin absolute links of this request start with, e.g. https://onemap.example.gov.cn. */
export function publicOrigin(request: FastifyRequest): string {
  if (request.server.publicOrigin) return request.server.publicOrigin
  if (!HOST.test(request.host)) throw new ParameterError('Host', 'not a valid host name; set ONEMAP_PUBLIC_URL')
  return `${request.protocol}://${request.host}`
}
