import { healthRouter } from './routers/health.ts'
import { createCallerFactory, router } from './trpc.ts'

/** Every router, one per resource, composed here and nowhere else. */
export const appRouter = router({
  health: healthRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)
