import {
  AccountChangeError,
  addAccount,
  changeAccount,
  listAccountEvents,
  type AccountChange,
} from '@onemap/db/queries/account-admin'
import { AccountExistsError, listAccounts } from '@onemap/db/queries/accounts'
import { Role } from '@onemap/domain/statuses'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { generatePassword, hashPassword } from '../passwords.ts'
import { adminProcedure } from '../procedures.ts'
import { router } from '../trpc.ts'

/** The same rule as the users_name_format CHECK in the database. */
export const AccountName = z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, "a name is 2–64 letters, digits, '_', '.' or '-'")
const NewPassword = z.string().min(10, 'a password has at least 10 characters').max(1024)

function refusal(err: unknown): never {
  if (err instanceof AccountExistsError) throw new TRPCError({ code: 'CONFLICT', message: err.message })
  if (err instanceof AccountChangeError)
    throw new TRPCError({ code: err.kind === 'not_found' ? 'NOT_FOUND' : 'CONFLICT', message: err.message })
  throw err
}

const change = (
  ctx: { db: Parameters<typeof changeAccount>[0]; user: { name: string } },
  name: string,
  c: AccountChange,
) => changeAccount(ctx.db, ctx.user.name, name, c).catch(refusal)

/** Account management for admins: every change is written to account_events with the admin's name. */
export const accountsRouter = router({
  /** Every account with its role, state and live session count (never a password hash). */
  list: adminProcedure.query(({ ctx }) => listAccounts(ctx.db)),

  /** The newest account changes, newest first. */
  events: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => listAccountEvents(ctx.db, input.limit)),

  /** Adds an account; without a password one is generated and returned this once. */
  add: adminProcedure
    .input(z.object({ name: AccountName, role: Role, password: NewPassword.optional() }))
    .mutation(async ({ ctx, input }) => {
      const password = input.password ?? generatePassword()
      await addAccount(ctx.db, ctx.user.name, {
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(password),
      }).catch(refusal)
      return { name: input.name, role: input.role, generatedPassword: input.password ? null : password }
    }),

  setRole: adminProcedure
    .input(z.object({ name: AccountName, role: Role }))
    .mutation(({ ctx, input }) => change(ctx, input.name, { action: 'role', role: input.role })),

  /** Sets a new password (generated and returned once when none is given) and ends the account's sessions. */
  resetPassword: adminProcedure
    .input(z.object({ name: AccountName, password: NewPassword.optional() }))
    .mutation(async ({ ctx, input }) => {
      const password = input.password ?? generatePassword()
      const result = await change(ctx, input.name, { action: 'password', passwordHash: await hashPassword(password) })
      return { ...result, generatedPassword: input.password ? null : password }
    }),

  /** Disabling also ends every session of the account; a disabled account cannot sign in. */
  setDisabled: adminProcedure
    .input(z.object({ name: AccountName, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => change(ctx, input.name, { action: input.disabled ? 'disable' : 'enable' })),

  endSessions: adminProcedure
    .input(z.object({ name: AccountName }))
    .mutation(({ ctx, input }) => change(ctx, input.name, { action: 'end_sessions' })),
})
