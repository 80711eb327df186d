import { parseArgs } from 'node:util'
import { generatePassword, hashPassword } from '@onemap/api/passwords'
import { AccountExistsError, createAccount, listAccounts } from '@onemap/db/queries/accounts'
import { Role } from '@onemap/domain/statuses'
import { prepareDatabase } from '../boot.ts'
import type { Env } from '../env.ts'

export const USERS_USAGE = `pnpm onemap users add <name> --role viewer|planner|admin [--password <password>]
      (without --password a password is generated and printed once)
pnpm onemap users list`

/** Account management from the command line; returns the process exit code. */
export async function runUsers(args: string[], env: Env, say: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, password: { type: 'string' } },
  })
  const [action, name] = positionals
  if (action !== 'add' && action !== 'list') {
    console.error(USERS_USAGE)
    return 2
  }
  if (action === 'add') {
    const role = Role.safeParse(values.role)
    if (!name || !/^[A-Za-z0-9_.-]{2,64}$/.test(name) || !role.success) {
      console.error(`users add needs a name of 2–64 letters, digits, '_', '.' or '-' and --role viewer|planner|admin\n${USERS_USAGE}`)
      return 2
    }
    if (values.password !== undefined && values.password.length < 10) {
      console.error('The password must be at least 10 characters')
      return 2
    }
  }
  const db = await prepareDatabase(env, say)
  try {
    if (action === 'list') {
      for (const a of await listAccounts(db)) console.log(`${a.name}\t${a.role}${a.disabled ? '\t(disabled)' : ''}\tcreated ${a.createdAt}`)
      return 0
    }
    const password = values.password ?? generatePassword()
    try {
      await createAccount(db, { name: name!, role: values.role as Role, passwordHash: await hashPassword(password) })
    } catch (err) {
      if (err instanceof AccountExistsError) {
        console.error(err.message)
        return 1
      }
      throw err
    }
    say(values.password ? `Created ${values.role} account '${name}'` : `Created ${values.role} account '${name}' with password ${password} (shown only now)`)
    return 0
  } finally {
    await db.close()
  }
}
