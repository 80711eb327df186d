import { isConnectionError } from '@onemap/db/database'
import { findNul } from '@onemap/domain/input-text'
import { initTRPC, TRPCError } from '@trpc/server'
import { VersionConflict } from './conflict.ts'
import type { Context } from './context.ts'

// Plain JSON transport: geometry is sent as JSON text built in SQL, never through superjson.
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    // Never send stack traces to clients, whatever NODE_ENV is.
    const { stack: _stack, ...data } = shape.data
    // A stale edit tells the editor which version is current and who made it (planners only reach this).
    const conflict = error.cause instanceof VersionConflict ? error.cause.current : undefined
    if (error.code !== 'INTERNAL_SERVER_ERROR') return { ...shape, data: { ...data, conflict } }
    // Unexpected: the cause (often PostgreSQL text) is logged by the server's onError, never sent. The
    // request id lets an operator find that log line; a lost database connection is worth a retry (503).
    const ref = ctx?.requestId ? ` (request id ${ctx.requestId})` : ''
    if (isConnectionError(error.cause)) {
      return {
        ...shape,
        message: `The database is unavailable at the moment; try again shortly${ref}`,
        data: { ...data, code: 'SERVICE_UNAVAILABLE' as const, httpStatus: 503, requestId: ctx?.requestId, conflict },
      }
    }
    return { ...shape, message: `Internal server error${ref}`, data: { ...data, requestId: ctx?.requestId, conflict } }
  },
  // Live updates stream over SSE: a comment ping keeps proxies from closing an idle stream, and the
  // client reconnects (sending its last event id) when it hears nothing for twice the ping interval.
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 35_000 },
  },
})

export const router = t.router
/**
 * Every procedure refuses NUL in any string of its input before its own schema, role check or SQL
 * runs: PostgreSQL text cannot hold it, and one check here covers procedures added later too.
 */
export const publicProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  const path = findNul(await getRawInput().catch(() => undefined))
  if (path)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Input '${path.join('.') || '(input)'}' must not contain NUL characters`,
    })
  return next()
})
export const createCallerFactory = t.createCallerFactory
