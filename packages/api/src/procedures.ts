import type { Role } from '@onemap/domain/statuses'
import { TRPCError } from '@trpc/server'
import { publicProcedure } from './trpc.ts'

// A unit account ranks below viewers: it reads nothing of the workbench, only its own unit's orders (duban router).
const RANK: Record<Role, number> = { unit: 0, viewer: 1, planner: 2, admin: 3 }

/** A procedure open to signed-in accounts of at least `role`; the user is non-null inside. */
function requireRole(role: Role) {
  return publicProcedure.use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' })
    if (RANK[ctx.user.role] < RANK[role]) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `The ${ctx.user.role} account '${ctx.user.name}' cannot do this: it needs the ${role} role`,
      })
    }
    return next({ ctx: { ...ctx, user: ctx.user } })
  })
}

export const viewerProcedure = requireRole('viewer')
export const plannerProcedure = requireRole('planner')
export const adminProcedure = requireRole('admin')
