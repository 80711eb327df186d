import { currentMigration } from '@onemap/db/migrate'
import { publicProcedure, router } from '../trpc.ts'

export const healthRouter = router({
  /** Database backend, PostGIS version and newest migration; the same facts as GET /healthz. */
  status: publicProcedure.query(async ({ ctx }) => ({
    ok: true as const,
    database: ctx.db.kind,
    postgis: await ctx.db.postgisVersion(),
    migration: await currentMigration(ctx.db),
  })),
})
