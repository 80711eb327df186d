import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'

/** Requests per minute per client address for each rate-limited area; 0 = no limit. */
export interface RateLimits {
  trpc: number
  tiles: number
  ogc: number
}

const AREAS = ['trpc', 'tiles', 'ogc'] as const
type Area = (typeof AREAS)[number]

function areaOf(request: FastifyRequest): Area | undefined {
  const first = request.url.split(/[/?]/)[1]
  return AREAS.find((a) => a === first)
}

/**
 * Per-address request limits on /trpc, /tiles and /ogc, each area counted apart (a map view fetches
 * dozens of tiles, an API call is one request). The address is request.ip, so behind a proxy it is
 * the real client only with ONEMAP_TRUST_PROXY. Counters live in this process on purpose: no Redis
 * to run, and a limit meant to stop one runaway client works as well per process; with N processes
 * behind a balancer a client may reach N times the figure (a global cap belongs in the proxy, see
 * docs/deploy.md). Over the limit: 429 with Retry-After.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    timeWindow: 60_000,
    // Unlimited areas and everything else (the web app, /healthz) are never counted.
    allowList: (request) => {
      const area = areaOf(request)
      return !area || limits[area] === 0
    },
    keyGenerator: (request) => `${areaOf(request)}|${request.ip}`,
    max: (request) => limits[areaOf(request) ?? 'trpc'],
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'too_many_requests',
      message: `Too many requests from this address (at most ${context.max} a minute here); retry in ${context.after}`,
    }),
  })
}
