import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '@onemap/db/database'
import { findSessionAccount } from '@onemap/db/queries/accounts'
import type { SessionUser } from './context.ts'

/** Name of the session cookie. */
export const SESSION_COOKIE = 'onemap_session'
/** Sessions last a working week; signing in again starts a new one. */
export const SESSION_TTL_MS = 7 * 24 * 3_600_000

/** A new random session token (256 bits) for the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** The database keeps only this hash, so a leaked table does not hand out live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The account behind a cookie token, or null when absent, unknown, expired or disabled. */
export async function resolveSession(db: Database, token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null
  const account = await findSessionAccount(db, hashToken(token))
  return account ? { id: account.id, name: account.name, role: account.role } : null
}
