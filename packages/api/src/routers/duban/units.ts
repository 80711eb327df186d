import { assignAccountUnit, existingUnits, listUnits, upsertUnits } from '@onemap/db/queries/duban/units'
import { UnitId, UnitInput, UnitsCsvError, parseUnitsCsv } from '@onemap/domain/units-csv'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { dubanProcedure, requireOffice } from '../../duban/scope.ts'
import { adminProcedure } from '../../procedures.ts'
import { router } from '../../trpc.ts'

export const unitsRouter = router({
  /** Every responsible unit with contacts (office accounts only: contacts are not public). */
  list: dubanProcedure.query(({ ctx }) => (requireOffice(ctx.scope), listUnits(ctx.db))),

  /** Adds or updates one unit (admins). */
  save: adminProcedure.input(UnitInput).mutation(async ({ ctx, input }) => upsertUnits(ctx.db, [input], ctx.user.name)),

  /** Imports units from CSV text (admins): all rows or none; existing ids are updated. */
  importCsv: adminProcedure.input(z.object({ csv: z.string().min(1).max(1_000_000) })).mutation(({ ctx, input }) => {
    let rows
    try {
      rows = parseUnitsCsv(input.csv)
    } catch (err) {
      if (err instanceof UnitsCsvError) throw new TRPCError({ code: 'BAD_REQUEST', message: err.message })
      throw err
    }
    return upsertUnits(ctx.db, rows, ctx.user.name)
  }),

  /** Ties a unit account to its unit (admins). */
  assignAccount: adminProcedure
    .input(z.object({ userName: z.string().min(1).max(64), unitId: UnitId.nullable() }))
    .mutation(async ({ ctx, input }) => {
      if (input.unitId && !(await existingUnits(ctx.db, [input.unitId])).has(input.unitId)) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No unit with id '${input.unitId}'` })
      }
      if (!(await assignAccountUnit(ctx.db, input.userName, input.unitId)))
        throw new TRPCError({ code: 'NOT_FOUND', message: `No account named '${input.userName}'` })
      return { userName: input.userName, unitId: input.unitId }
    }),
})
