import { accountsRouter } from './routers/accounts.ts'
import { analysisRouter } from './routers/analysis.ts'
import { authRouter } from './routers/auth.ts'
import { dubanRouter } from './routers/duban/index.ts'
import { editsRouter } from './routers/edits.ts'
import { featuresRouter } from './routers/features.ts'
import { healthRouter } from './routers/health.ts'
import { indicatorsRouter } from './routers/indicators.ts'
import { layersRouter } from './routers/layers.ts'
import { liveRouter } from './routers/live.ts'
import { meetingRouter } from './routers/meeting.ts'
import { progressRouter } from './routers/progress.ts'
import { roadsRouter } from './routers/roads.ts'
import { wallRouter } from './routers/wall.ts'
import { createCallerFactory, router } from './trpc.ts'

/** Every router, one per resource, composed here and nowhere else. */
export const appRouter = router({
  health: healthRouter,
  accounts: accountsRouter,
  analysis: analysisRouter,
  layers: layersRouter,
  features: featuresRouter,
  auth: authRouter,
  edits: editsRouter,
  duban: dubanRouter,
  live: liveRouter,
  meeting: meetingRouter,
  progress: progressRouter,
  roads: roadsRouter,
  wall: wallRouter,
  indicators: indicatorsRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)
