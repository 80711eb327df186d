import { initTRPC } from '@trpc/server'
import { VersionConflict } from './conflict.ts'
import type { Context } from './context.ts'

// Plain JSON transport: geometry is sent as JSON text built in SQL, never through superjson.
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Never send stack traces to clients, whatever NODE_ENV is.
    const { stack: _stack, ...data } = shape.data
    // A stale edit tells the editor which version is current and who made it (planners only reach this).
    const conflict = error.cause instanceof VersionConflict ? error.cause.current : undefined
    return { ...shape, data: { ...data, conflict } }
  },
  // Live updates stream over SSE: a comment ping keeps proxies from closing an idle stream, and the
  // client reconnects (sending its last event id) when it hears nothing for twice the ping interval.
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 35_000 },
  },
})

export const router = t.router
export const publicProcedure = t.procedure
export const createCallerFactory = t.createCallerFactory
