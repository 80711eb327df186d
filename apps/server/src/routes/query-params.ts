import { FeatureFilter } from '@onemap/domain/layer-filters'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { unexpectedFailure } from '../failures.ts'

/** A request parameter was missing, malformed or unknown; `param` names it for the 400 body. */
export class ParameterError extends Error {
  override name = 'ParameterError'
  readonly statusCode = 400
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(`Parameter '${param}': ${message}`)
  }
}

/** A thing a request named does not exist (404). */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
  readonly statusCode = 404
}

export type RawQuery = Record<string, string | string[] | undefined>

const LIST_PARAMS = ['status', 'class', 'kind'] as const
const SCALAR_PARAMS = ['subDistrict', 'renewalZone', 'renewalUnit', 'plannedFrom', 'plannedTo', 'q'] as const
/** Parameters that carry a feature filter, in tile URLs and TileJSON requests alike. */
export const FILTER_PARAMS: readonly string[] = [...LIST_PARAMS, ...SCALAR_PARAMS]

/** One value of a parameter that must appear at most once. */
export function single(query: RawQuery, param: string): string | undefined {
  const value = query[param]
  if (Array.isArray(value)) throw new ParameterError(param, 'given more than once')
  return value
}

/** Refuses any parameter outside `allowed`, naming the first one. */
export function refuseUnknown(query: RawQuery, allowed: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) throw new ParameterError(key.slice(0, 60), 'unknown parameter')
  }
}

/**
 * The feature filter of a query string. Lists come comma-separated or repeated (status=a,b or
 * status=a&status=b); every other filter appears at most once.
 */
export function parseFilter(query: RawQuery): FeatureFilter {
  const raw: Record<string, unknown> = {}
  for (const param of LIST_PARAMS) {
    const value = query[param]
    if (value === undefined) continue
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','))
    raw[param] = [...new Set(parts)].sort()
  }
  for (const param of SCALAR_PARAMS) {
    const value = single(query, param)
    if (value !== undefined) raw[param] = value
  }
  const parsed = FeatureFilter.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ParameterError(String(issue?.path[0] ?? 'filter'), issue?.message ?? 'invalid')
  }
  return parsed.data
}

/** The filter as query-string text in a fixed order, for cache keys and TileJSON tile URLs. */
export function filterQueryString(filter: FeatureFilter): string {
  const search = new URLSearchParams()
  for (const param of FILTER_PARAMS) {
    const value = filter[param as keyof FeatureFilter]
    if (value !== undefined) search.set(param, Array.isArray(value) ? value.join(',') : value)
  }
  return search.toString()
}

/**
 * Error answer of the tile and OGC routes, in the OGC exception shape {code, description}: our
 * own 400/404 carry their message; Fastify's own 4xx (bad URL encoding, …) keep theirs; anything
 * else is logged and answered without internals.
 */
export function answerError(error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ParameterError)
    return reply.status(400).send({ code: 'InvalidParameterValue', description: error.message })
  if (error instanceof NotFoundError) return reply.status(404).send({ code: 'NotFound', description: error.message })
  const status = error.statusCode
  if (status && status >= 400 && status < 500)
    return reply.status(status).send({ code: 'InvalidRequest', description: error.message })
  const failure = unexpectedFailure(error, request, reply)
  return reply.send({
    code: failure.status === 503 ? 'ServiceUnavailable' : 'ServerError',
    description: failure.description,
  })
}
