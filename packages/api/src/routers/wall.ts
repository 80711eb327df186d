import { recentChanges, riverFacts } from '@onemap/db/queries/wall'
import { EventEntity } from '@onemap/domain/statuses'
import { z } from 'zod'
import { publicProcedure, router } from '../trpc.ts'
import { lateAlarms } from './wall-alarms.ts'
import { itemFigures } from './wall-item-figures.ts'

/** Read-only feeds of the big-screen wall (apps/web /wall) that the other routers do not already give. */
export const wallRouter = router({
  /** The newest status changes with the item's name, for the ticker; public fields only. */
  ticker: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).optional())
    .query(({ ctx, input }) => recentChanges(ctx.db, input?.limit ?? 20)),

  /** What needs action: the most late programme items (later the 督办 red and yellow cards), and late counts. */
  alarms: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(8) }).optional())
    .query(({ ctx, input }) => lateAlarms(ctx.db, ctx.now(), input?.limit ?? 8)),

  /**
   * The figures one item's change of status moves (summary totals and the item's places, alarm counts
   * and the item's alarm with its place in the list), so a wall that heard the change patches its copies
   * instead of re-reading `progress.summary` and `wall.alarms` whole. Null for an unknown item.
   */
  itemFigures: publicProcedure
    .input(z.object({ entity: EventEntity, id: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => itemFigures(ctx.db, ctx.now(), input.entity, input.id)),

  /** Each river with its chief (河长) and its length inside the zone, for the rivers scene's labels. */
  rivers: publicProcedure.query(({ ctx }) => riverFacts(ctx.db)),
})
