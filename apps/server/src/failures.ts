import { isConnectionError } from '@onemap/db/database'
import type { TRPCError } from '@trpc/server'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_S = 5

/**
 * Logs an unexpected error with the request id (Fastify adds it to every line of request.log) and
 * sets the status: 503 + Retry-After when the database connection failed, else 500. The returned
 * description is what the client may see — generic, with the id, never the error's own text.
 */
export function unexpectedFailure(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): { status: 500 | 503; description: string } {
  if (isConnectionError(error)) {
    request.log.warn({ err: error }, 'database unavailable')
    reply.status(503).header('retry-after', String(RETRY_AFTER_S))
    return {
      status: 503,
      description: `The database is unavailable at the moment; try again shortly (request id ${request.id})`,
    }
  }
  request.log.error({ err: error }, 'request failed')
  reply.status(500)
  return { status: 500, description: `Internal server error (request id ${request.id})` }
}

/** tRPC onError: expected errors (4xx) are the caller's business; everything else is logged with its cause. */
export function logTrpcError(error: TRPCError, request: FastifyRequest, path: string | undefined): void {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return
  const cause = error.cause ?? error
  if (isConnectionError(cause)) request.log.warn({ err: cause, path }, 'database unavailable')
  else request.log.error({ err: cause, path }, 'procedure failed')
}
