import { generatePassword, hashPassword } from '@onemap/api/passwords'
import { AccountChangeError, addAccount, changeAccount } from '@onemap/db/queries/account-admin'
import { AccountExistsError, listAccounts, type AccountSummary } from '@onemap/db/queries/accounts'
import type { Role } from '@onemap/domain/statuses'
import { LOCAL_ACTOR_HEADER, LOCAL_ADMIN_HEADER, type LocalAdminFile } from '../auth/local-admin.ts'
import { prepareDatabase } from '../boot.ts'
import type { Env } from '../env.ts'

export type UsersAction = 'list' | 'add' | 'role' | 'password' | 'disable' | 'enable' | 'end-sessions'
export type UsersOutcome =
  | { ok: true; accounts?: AccountSummary[]; generatedPassword?: string | null; sessionsEnded?: number }
  | { ok: false; message: string }

/** The same account commands, either straight on the database or through a running server's admin API. */
export interface AccountsClient {
  run(
    action: UsersAction,
    name: string,
    opts: { role?: Role | undefined; password?: string | undefined },
  ): Promise<UsersOutcome>
  close(): Promise<void>
}

/** Opens (and migrates) the database itself: the server backend, or an embedded folder no server holds. */
export async function accountsInDatabase(
  env: Env,
  say: (line: string) => void,
  actor: string,
): Promise<AccountsClient> {
  const db = await prepareDatabase(env, say)
  return {
    async run(action, name, opts) {
      try {
        if (action === 'list') return { ok: true, accounts: await listAccounts(db) }
        const generated = opts.password ? null : generatePassword()
        const hash = () => hashPassword(opts.password ?? generated!)
        if (action === 'add') {
          await addAccount(db, actor, { name, role: opts.role!, passwordHash: await hash() })
          return { ok: true, generatedPassword: generated }
        }
        if (action === 'password')
          return {
            ok: true,
            ...(await changeAccount(db, actor, name, { action: 'password', passwordHash: await hash() })),
            generatedPassword: generated,
          }
        if (action === 'role')
          return { ok: true, ...(await changeAccount(db, actor, name, { action: 'role', role: opts.role! })) }
        return {
          ok: true,
          ...(await changeAccount(db, actor, name, { action: action === 'end-sessions' ? 'end_sessions' : action })),
        }
      } catch (err) {
        if (err instanceof AccountExistsError || err instanceof AccountChangeError)
          return { ok: false, message: err.message }
        throw err
      }
    },
    close: () => db.close(),
  }
}

/** Calls the admin procedures of the server that holds the embedded database, with its local token. */
export function accountsOverHttp(server: LocalAdminFile, actor: string): AccountsClient {
  const headers = {
    'content-type': 'application/json',
    [LOCAL_ADMIN_HEADER]: server.token,
    [LOCAL_ACTOR_HEADER]: actor,
  }
  const call = async (procedure: string, input?: unknown): Promise<UsersOutcome & { data?: unknown }> => {
    const res =
      input === undefined
        ? await fetch(`${server.url}/trpc/${procedure}`, { headers })
        : await fetch(`${server.url}/trpc/${procedure}`, { method: 'POST', headers, body: JSON.stringify(input) })
    const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string } }
    return body.error ? { ok: false, message: body.error.message } : { ok: true, data: body.result?.data }
  }
  return {
    async run(action, name, opts) {
      const calls: Record<UsersAction, () => ReturnType<typeof call>> = {
        list: () => call('accounts.list'),
        add: () => call('accounts.add', { name, role: opts.role, password: opts.password }),
        role: () => call('accounts.setRole', { name, role: opts.role }),
        password: () => call('accounts.resetPassword', { name, password: opts.password }),
        disable: () => call('accounts.setDisabled', { name, disabled: true }),
        enable: () => call('accounts.setDisabled', { name, disabled: false }),
        'end-sessions': () => call('accounts.endSessions', { name }),
      }
      const answer = await calls[action]()
      if (!answer.ok) return answer
      return action === 'list'
        ? { ok: true, accounts: answer.data as AccountSummary[] }
        : { ok: true, ...(answer.data as object) }
    },
    close: async () => {},
  }
}
