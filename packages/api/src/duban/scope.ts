import { unitOfAccount } from '@onemap/db/queries/duban/units'
import { TRPCError } from '@trpc/server'
import type { SessionUser } from '../context.ts'
import { publicProcedure } from '../trpc.ts'

/**
 * Who is asking, for 督办 procedures: the office (viewers, planners, admins: every unit) or one unit's
 * account, confined to that unit's orders and the items on them.
 */
export type DubanScope =
  { kind: 'office'; user: SessionUser; canEdit: boolean } | { kind: 'unit'; user: SessionUser; unitId: string }

/** Signed-in accounts of any role; a unit account without a unit is refused (it may see nothing). */
export const dubanProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = ctx.user
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' })
  let scope: DubanScope
  if (user.role === 'unit') {
    const unitId = await unitOfAccount(ctx.db, user.id)
    if (!unitId)
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `The unit account '${user.name}' is not assigned to a unit yet; ask an admin`,
      })
    scope = { kind: 'unit', user, unitId }
  } else {
    scope = { kind: 'office', user, canEdit: user.role === 'planner' || user.role === 'admin' }
  }
  return next({ ctx: { ...ctx, user, scope } })
})

/** The office scope of a planner or admin, or 403 (unit accounts and viewers change nothing here). */
export function requirePlanner(scope: DubanScope): Extract<DubanScope, { kind: 'office' }> {
  if (scope.kind !== 'office' || !scope.canEdit) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `The ${scope.user.role} account '${scope.user.name}' cannot do this: it needs the planner role`,
    })
  }
  return scope
}

/** 403 unless the scope may see `unitId`'s orders (the office sees every unit's). */
export function requireSameUnit(scope: DubanScope, unitId: string, what: string): void {
  if (scope.kind === 'unit' && scope.unitId !== unitId) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `${what} belongs to another unit; the account '${scope.user.name}' sees only its own unit's`,
    })
  }
}

/** The office scope (any office role), or 403 for unit accounts. */
export function requireOffice(scope: DubanScope): Extract<DubanScope, { kind: 'office' }> {
  if (scope.kind !== 'office')
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `The unit account '${scope.user.name}' sees only its own unit's orders`,
    })
  return scope
}
