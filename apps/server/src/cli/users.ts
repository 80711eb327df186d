import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { ROLES, Role } from '@onemap/domain/statuses'
import type { Env } from '../env.ts'
import { accountsOverHttp, accountsInDatabase, type AccountsClient } from './users-clients.ts'
import { readLocalAdmin } from '../auth/local-admin.ts'

const ROLE_LIST = ROLES.join('|')
export const USERS_USAGE = `pnpm onemap users list
pnpm onemap users add <name> --role ${ROLE_LIST} [--password <password>]
pnpm onemap users role <name> --role ${ROLE_LIST}
pnpm onemap users password <name> [--password <password>]   (ends the account's sessions)
pnpm onemap users disable <name> | enable <name>              (disabling ends its sessions)
pnpm onemap users end-sessions <name>
      without --password a password is generated and printed once; every change is audited.
      While a server holds the embedded database, the command goes through that server.
Exit codes: 0 done, 2 bad command line, 1 refused (e.g. name taken, no such account, last admin)`

const ACTIONS = ['list', 'add', 'role', 'password', 'disable', 'enable', 'end-sessions'] as const
type Action = (typeof ACTIONS)[number]

/** Who runs the command, for the audit trail (containers may have a uid without a name). */
function osUser(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}

/** Account management from the command line; returns the process exit code. */
export async function runUsers(args: string[], env: Env, say: (line: string) => void): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: 'string' }, password: { type: 'string' } },
    })
  } catch (err) {
    console.error(`[onemap] ${(err as Error).message}\n${USERS_USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [action, name] = positionals as [Action | undefined, string | undefined]
  if (!action || !(ACTIONS as readonly string[]).includes(action) || (action !== 'list' && !name)) {
    console.error(USERS_USAGE)
    return 2
  }
  if (name !== undefined && !/^[A-Za-z0-9_.-]{2,64}$/.test(name)) {
    console.error(`[onemap] '${name}' is not an account name: 2–64 letters, digits, '_', '.' or '-'`)
    return 2
  }
  const role = Role.safeParse(values.role)
  if ((action === 'add' || action === 'role') && !role.success) {
    console.error(`[onemap] users ${action} needs --role ${ROLE_LIST}`)
    return 2
  }
  if (values.password !== undefined && values.password.length < 10) {
    console.error('[onemap] The password must be at least 10 characters')
    return 2
  }
  const actor = osUser()
  // A server holding the embedded folder: talk to it. Otherwise (server backend, or nothing running) open the database.
  const running = env.DATABASE_URL ? null : readLocalAdmin(env.ONEMAP_DATA_DIR)
  const client: AccountsClient = running
    ? accountsOverHttp(running, actor)
    : await accountsInDatabase(env, say, `cli:${actor}`)
  if (running) say(`The server at ${running.url} holds the database; asking it`)
  try {
    return await perform(client, action, name!, { role: role.data, password: values.password }, say)
  } finally {
    await client.close()
  }
}

async function perform(
  client: AccountsClient,
  action: Action,
  name: string,
  opts: { role?: Role | undefined; password?: string | undefined },
  say: (line: string) => void,
) {
  const result = await client.run(action, name, opts)
  if (!result.ok) {
    console.error(`[onemap] ${result.message}`)
    return 1
  }
  if (action === 'list') {
    for (const a of result.accounts ?? [])
      console.log(
        `${a.name}\t${a.role}${a.disabled ? '\t(disabled)' : ''}\t${a.sessions} sessions\tcreated ${a.createdAt}`,
      )
    return 0
  }
  const shown = result.generatedPassword ? ` with password ${result.generatedPassword} (shown only now)` : ''
  const ended = result.sessionsEnded ? `; ${result.sessionsEnded} sessions ended` : ''
  say(`${action === 'add' ? `Created ${opts.role} account` : `Done: ${action}`} '${name}'${shown}${ended}`)
  return 0
}
