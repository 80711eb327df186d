import { findLoginCandidate, createSession, deleteSession } from '@onemap/db/queries/accounts'
import { countLoginAttempt, recordLoginSuccess } from '@onemap/db/queries/login-limits'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { LoginGateBusy } from '../login-gate.ts'
import { decoyHash, verifyPassword } from '../passwords.ts'
import { hashToken, newSessionToken, SESSION_TTL_MS } from '../sessions.ts'
import { publicProcedure, router } from '../trpc.ts'

const Credentials = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((n) => !n.includes('\u0000'), 'a name cannot contain a NUL character'),
  password: z.string().min(1).max(1024),
})

export const authRouter = router({
  /** Signs in: sets the httpOnly session cookie and returns the account's name and role. */
  login: publicProcedure.input(Credentials).mutation(async ({ ctx, input }) => {
    try {
      return await ctx.loginGate.run(async () => {
        // Counted in the database before the hash, so parallel guesses and other processes share the limit.
        const attempt = { name: input.name, ip: ctx.clientIp, now: ctx.now() }
        const verdict = await countLoginAttempt(ctx.db, attempt)
        if (!verdict.allowed) {
          ctx.retryAfter(verdict.retryAfterS)
          throw new TRPCError({
            code: 'TOO_MANY_REQUESTS',
            message: `Too many sign-in attempts; try again in ${verdict.retryAfterS} s`,
          })
        }
        const account = await findLoginCandidate(ctx.db, input.name)
        // Verify against a decoy when the name is unknown, so timing does not reveal which names exist.
        const ok = await verifyPassword(input.password, account?.passwordHash ?? (await decoyHash()))
        if (!account || !ok || account.disabled)
          throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong name or password' })
        await recordLoginSuccess(ctx.db, attempt)
        const token = newSessionToken()
        const expiresAt = new Date(ctx.now().getTime() + SESSION_TTL_MS)
        await createSession(ctx.db, { tokenHash: hashToken(token), userId: account.id, expiresAt })
        ctx.cookie.set(token, expiresAt)
        return { name: account.name, role: account.role, expiresAt: expiresAt.toISOString() }
      })
    } catch (err) {
      if (!(err instanceof LoginGateBusy)) throw err
      ctx.retryAfter(err.retryAfterS)
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: err.message })
    }
  }),

  /** Ends the current session (deletes it in the database) and clears the cookie. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    const token = ctx.cookie.read()
    if (token) await deleteSession(ctx.db, hashToken(token))
    ctx.cookie.clear()
    return { ok: true as const }
  }),

  /** The signed-in account, or null for the public. */
  me: publicProcedure.query(({ ctx }) => (ctx.user ? { name: ctx.user.name, role: ctx.user.role } : null)),
})
