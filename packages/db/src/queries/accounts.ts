import type { Role } from '@onemap/domain/statuses'
import type { Database } from '../database.ts'

/** An account as the rest of the server sees it (never with its password hash). */
export interface Account {
  id: number
  name: string
  role: Role
}

export interface LoginCandidate extends Account {
  passwordHash: string
  disabled: boolean
}

/** Creates an account; throws AccountExistsError when the name is taken. */
export async function createAccount(
  db: Database,
  a: { name: string; role: Role; passwordHash: string },
): Promise<Account> {
  try {
    const { rows } = await db.query<Account>(
      'INSERT INTO users (name, role, password_hash) VALUES ($1, $2, $3) RETURNING id::int AS id, name, role',
      [a.name, a.role, a.passwordHash],
    )
    return rows[0]!
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AccountExistsError(a.name)
    throw err
  }
}

export class AccountExistsError extends Error {
  override name = 'AccountExistsError'
  constructor(readonly account: string) {
    super(`An account named '${account}' already exists`)
  }
}

/** The account and its hash for a login attempt, or null. */
export async function findLoginCandidate(db: Database, name: string): Promise<LoginCandidate | null> {
  const { rows } = await db.query<LoginCandidate>(
    `SELECT id::int AS id, name, role, password_hash AS "passwordHash", disabled_at IS NOT NULL AS disabled
       FROM users WHERE name = $1`,
    [name],
  )
  return rows[0] ?? null
}

/** Number of enabled admin accounts (the first start creates one when there is none). */
export async function countAdmins(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL",
  )
  return rows[0]?.n ?? 0
}

export interface AccountSummary extends Account {
  disabled: boolean
  createdAt: string
  /** Sessions not yet expired. */
  sessions: number
}

/** Accounts by name, with their live session counts, for admins and the CLI. */
export async function listAccounts(db: Database): Promise<AccountSummary[]> {
  const { rows } = await db.query<AccountSummary>(
    `SELECT u.id::int AS id, u.name, u.role, u.disabled_at IS NOT NULL AS disabled, u.created_at::text AS "createdAt",
            (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now()) AS sessions
       FROM users u ORDER BY u.name`,
  )
  return rows
}

/** Stores a session under the SHA-256 of its token. */
export async function createSession(
  db: Database,
  s: { tokenHash: string; userId: number; expiresAt: Date },
): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    s.tokenHash,
    s.userId,
    s.expiresAt,
  ])
}

/** The account of a live session (not expired, account not disabled), or null. */
export async function findSessionAccount(
  db: Database,
  tokenHash: string,
): Promise<(Account & { expiresAt: Date }) | null> {
  const { rows } = await db.query<Account & { expiresAt: Date }>(
    `SELECT u.id::int AS id, u.name, u.role, s.expires_at AS "expiresAt"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [tokenHash],
  )
  return rows[0] ?? null
}

/** Ends one session (logout). */
export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Database): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sessions WHERE expires_at <= now()')
  return rowCount ?? 0
}
