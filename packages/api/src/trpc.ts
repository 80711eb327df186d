import { initTRPC } from '@trpc/server'
import type { Context } from './context.ts'

// Plain JSON transport: geometry is sent as JSON text built in SQL, never through superjson.
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape }) {
    // Never send stack traces to clients, whatever NODE_ENV is.
    const { stack: _stack, ...data } = shape.data
    return { ...shape, data }
  },
})

export const router = t.router
export const publicProcedure = t.procedure
export const createCallerFactory = t.createCallerFactory
