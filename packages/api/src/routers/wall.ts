import { recentChanges } from '@onemap/db/queries/wall'
import { z } from 'zod'
import { publicProcedure, router } from '../trpc.ts'

/** Read-only feeds of the big-screen wall (apps/web /wall) that the other routers do not already give. */
export const wallRouter = router({
  /** The newest status changes with the item's name, for the ticker; public fields only. */
  ticker: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).optional())
    .query(({ ctx, input }) => recentChanges(ctx.db, input?.limit ?? 20)),
})
