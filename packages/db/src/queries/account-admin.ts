import type { AccountAction, Role } from '@onemap/domain/statuses'
import type pg from 'pg'
import type { Database } from '../database.ts'
import { AccountExistsError } from './accounts.ts'

/** Why an account change was refused; the API maps `kind` to 404 / 409. */
export class AccountChangeError extends Error {
  override name = 'AccountChangeError'
  constructor(
    readonly kind: 'not_found' | 'last_admin',
    message: string,
  ) {
    super(message)
  }
}

export type AccountChange =
  | { action: 'role'; role: Role }
  | { action: 'password'; passwordHash: string }
  | { action: 'disable' }
  | { action: 'enable' }
  | { action: 'end_sessions' }

export interface AccountEvent {
  id: number
  /** ISO 8601 in UTC. */
  happenedAt: string
  actor: string
  account: string
  action: AccountAction
  detail: Record<string, unknown>
}

async function audit(
  client: pg.PoolClient,
  actor: string,
  account: string,
  action: AccountAction,
  detail: Record<string, unknown> = {},
) {
  await client.query('INSERT INTO account_events (actor, account, action, detail) VALUES ($1, $2, $3, $4)', [
    actor,
    account,
    action,
    JSON.stringify(detail),
  ])
}

/** Creates an account and its audit row together; throws AccountExistsError when the name is taken. */
export async function addAccount(
  db: Database,
  actor: string,
  a: { name: string; role: Role; passwordHash: string },
): Promise<void> {
  try {
    await db.transaction(async (client) => {
      await client.query('INSERT INTO users (name, role, password_hash) VALUES ($1, $2, $3)', [
        a.name,
        a.role,
        a.passwordHash,
      ])
      await audit(client, actor, a.name, 'create', { role: a.role })
    })
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AccountExistsError(a.name)
    throw err
  }
}

/**
 * Changes one account and records who did what, in one transaction. Disabling, a new password and
 * `end_sessions` delete the account's sessions, so it is signed out everywhere at once. A change that
 * would leave no enabled admin is refused (nobody could manage accounts any more). Returns the number
 * of sessions ended.
 */
export async function changeAccount(
  db: Database,
  actor: string,
  name: string,
  change: AccountChange,
): Promise<{ sessionsEnded: number }> {
  return db.transaction(async (client) => {
    // FOR UPDATE on every admin row: two concurrent demotions cannot both see "another admin remains".
    const { rows: admins } = await client.query<{ name: string }>(
      "SELECT name FROM users WHERE role = 'admin' AND disabled_at IS NULL FOR UPDATE",
    )
    const { rows } = await client.query<{ id: string; role: Role; disabled: boolean }>(
      'SELECT id, role, disabled_at IS NOT NULL AS disabled FROM users WHERE name = $1 FOR UPDATE',
      [name],
    )
    const account = rows[0]
    if (!account) throw new AccountChangeError('not_found', `No account named '${name}'`)
    const losesAdmin =
      (change.action === 'disable' || (change.action === 'role' && change.role !== 'admin')) &&
      admins.some((a) => a.name === name)
    if (losesAdmin && admins.length <= 1) {
      throw new AccountChangeError('last_admin', `'${name}' is the only enabled admin; make another admin first`)
    }
    let detail: Record<string, unknown> = {}
    if (change.action === 'role') {
      await client.query('UPDATE users SET role = $2 WHERE id = $1', [account.id, change.role])
      detail = { from: account.role, to: change.role }
    } else if (change.action === 'password') {
      await client.query('UPDATE users SET password_hash = $2 WHERE id = $1', [account.id, change.passwordHash])
    } else if (change.action === 'disable') {
      await client.query('UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE id = $1', [account.id])
    } else if (change.action === 'enable') {
      await client.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [account.id])
    }
    const endsSessions = change.action === 'disable' || change.action === 'password' || change.action === 'end_sessions'
    const ended = endsSessions
      ? ((await client.query('DELETE FROM sessions WHERE user_id = $1', [account.id])).rowCount ?? 0)
      : 0
    if (endsSessions) detail = { ...detail, sessionsEnded: ended }
    await audit(client, actor, name, change.action, detail)
    return { sessionsEnded: ended }
  })
}

/** The newest account events, newest first (for the admin panel). */
export async function listAccountEvents(db: Database, limit = 50): Promise<AccountEvent[]> {
  const { rows } = await db.query<AccountEvent>(
    `SELECT id::int AS id, to_char(happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "happenedAt", actor, account, action, detail
       FROM account_events ORDER BY id DESC LIMIT $1`,
    [limit],
  )
  return rows
}
