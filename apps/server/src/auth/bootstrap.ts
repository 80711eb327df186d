import { generatePassword, hashPassword } from '@onemap/api/passwords'
import type { Database } from '@onemap/db/database'
import { addAccount } from '@onemap/db/queries/account-admin'
import { AccountExistsError, countAdmins, deleteExpiredSessions } from '@onemap/db/queries/accounts'

/**
 * On start: when no admin account exists, creates `admin` with ONEMAP_ADMIN_PASSWORD, or with a
 * generated password printed this once (it is stored only as a hash). Also drops expired sessions.
 */
export async function ensureAdmin(
  db: Database,
  password: string | undefined,
  say: (line: string) => void,
): Promise<void> {
  await deleteExpiredSessions(db)
  if ((await countAdmins(db)) > 0) return
  const chosen = password ?? generatePassword()
  try {
    // Audited like any other new account, as made by the first start.
    await addAccount(db, 'system:first-start', {
      name: 'admin',
      role: 'admin',
      passwordHash: await hashPassword(chosen),
    })
  } catch (err) {
    // Another server starting on the same database made it a moment ago.
    if (err instanceof AccountExistsError) return
    throw err
  }
  say(
    password
      ? "Created account 'admin' with the password from ONEMAP_ADMIN_PASSWORD"
      : `Created account 'admin' with the generated password ${chosen} (shown only now: note it, or set ONEMAP_ADMIN_PASSWORD before the first start)`,
  )
}
