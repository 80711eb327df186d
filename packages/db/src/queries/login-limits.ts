import type { Database } from '../database.ts'

/**
 * How many sign-in attempts pass before a password is hashed; docs/login-policy.md explains the choice.
 * Windows are fixed: they start at the first attempt and the count restarts when they end.
 */
export interface LoginPolicy {
  windowS: number
  /** Attempts per (name, address) in a window; a success resets the count. */
  perPair: number
  /** Attempts per address, any names, in a window (a cap on one address spraying many names). */
  perAddress: number
  /** Attempts per name from addresses it never signed in from, before each further one must wait. */
  freePerName: number
  /** The wait after the free attempts: base seconds, doubled per attempt, at most maxDelayS. */
  baseDelayS: number
  maxDelayS: number
  /** A (name, address) that signed in within this many days skips the per-name wait. */
  knownForDays: number
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  windowS: 15 * 60,
  perPair: 5,
  perAddress: 100,
  freePerName: 10,
  baseDelayS: 1,
  maxDelayS: 30,
  knownForDays: 30,
}

export type LoginVerdict =
  { allowed: true } | { allowed: false; retryAfterS: number; reason: 'pair' | 'address' | 'name' }

const pairKey = (name: string, ip: string) => `p:${name}|${ip}`
const addressKey = (ip: string) => `i:${ip}`
const nameKey = (name: string) => `n:${name}`

// Count first, decide after: the row lock of INSERT … ON CONFLICT DO UPDATE serialises concurrent
// attempts on one key, so each gets its own number and at most `limit` of them can be ≤ limit — in
// one process or many. Keys are inserted in sorted order so two statements never lock in opposite orders.
const COUNT = `
  INSERT INTO login_limits AS l (key, window_start, attempts)
  SELECT k, $2::timestamptz, 1 FROM unnest($1::text[]) AS k ORDER BY k
  ON CONFLICT (key) DO UPDATE SET
    window_start = CASE WHEN l.window_start <= $2::timestamptz - make_interval(secs => $3) THEN $2::timestamptz ELSE l.window_start END,
    attempts = CASE WHEN l.window_start <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE l.attempts + 1 END
  RETURNING key, attempts, window_start AS "windowStart", last_success_at AS "lastSuccessAt"`

// The per-name wait: past the free attempts, one attempt per slot; the attempt that finds the slot
// open takes it (granted_attempt) and moves next_at on by a delay that doubles up to the cap.
const NAME_SLOT = `
  INSERT INTO login_limits AS l (key, window_start, attempts) VALUES ($1, $2::timestamptz, 1)
  ON CONFLICT (key) DO UPDATE SET
    window_start = CASE WHEN l.window_start <= $2::timestamptz - make_interval(secs => $3) THEN $2::timestamptz ELSE l.window_start END,
    attempts = CASE WHEN l.window_start <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE l.attempts + 1 END,
    next_at = CASE
      WHEN l.window_start <= $2::timestamptz - make_interval(secs => $3) THEN NULL
      WHEN l.attempts + 1 > $4 AND (l.next_at IS NULL OR l.next_at <= $2::timestamptz)
        THEN $2::timestamptz + make_interval(secs => least($6::float8, $5::float8 * 2 ^ least(l.attempts - $4, 20)))
      ELSE l.next_at END,
    granted_attempt = CASE
      WHEN l.window_start <= $2::timestamptz - make_interval(secs => $3) THEN NULL
      WHEN l.attempts + 1 > $4 AND (l.next_at IS NULL OR l.next_at <= $2::timestamptz) THEN l.attempts + 1
      ELSE l.granted_attempt END
  RETURNING attempts, next_at AS "nextAt", granted_attempt AS "grantedAttempt"`

const secondsUntil = (t: Date, now: Date) => Math.max(1, Math.ceil((t.getTime() - now.getTime()) / 1000))

/**
 * Counts one sign-in attempt for `name` from `ip` and says whether its password may be checked.
 * Call it before hashing: a refused attempt costs no hash.
 */
export async function countLoginAttempt(
  db: Database,
  attempt: { name: string; ip: string; now: Date },
  policy: LoginPolicy = DEFAULT_LOGIN_POLICY,
): Promise<LoginVerdict> {
  const { name, ip, now } = attempt
  const keys = [pairKey(name, ip), addressKey(ip)].sort()
  const { rows } = await db.query<{ key: string; attempts: number; windowStart: Date; lastSuccessAt: Date | null }>(
    COUNT,
    [keys, now, policy.windowS],
  )
  const pair = rows.find((r) => r.key === pairKey(name, ip))!
  const address = rows.find((r) => r.key === addressKey(ip))!
  const windowEnd = (r: { windowStart: Date }) => new Date(r.windowStart.getTime() + policy.windowS * 1000)
  if (pair.attempts > policy.perPair)
    return { allowed: false, retryAfterS: secondsUntil(windowEnd(pair), now), reason: 'pair' }
  if (address.attempts > policy.perAddress)
    return { allowed: false, retryAfterS: secondsUntil(windowEnd(address), now), reason: 'address' }

  const knownSince = now.getTime() - policy.knownForDays * 86_400_000
  if (pair.lastSuccessAt && pair.lastSuccessAt.getTime() > knownSince) return { allowed: true }

  const slot = await db.query<{ attempts: number; nextAt: Date | null; grantedAttempt: number | null }>(NAME_SLOT, [
    nameKey(name),
    now,
    policy.windowS,
    policy.freePerName,
    policy.baseDelayS,
    policy.maxDelayS,
  ])
  const n = slot.rows[0]!
  if (n.attempts <= policy.freePerName || n.grantedAttempt === n.attempts) return { allowed: true }
  // Refused by the per-name wait, which is no fault of this address: give back what it was charged,
  // so a real user retrying after the wait does not use up their own limit.
  await db.query('UPDATE login_limits SET attempts = greatest(attempts - 1, 0) WHERE key = ANY($1::text[])', [keys])
  return { allowed: false, retryAfterS: secondsUntil(n.nextAt ?? now, now), reason: 'name' }
}

/** A correct password: the (name, address) count restarts and the address becomes known for the name. */
export async function recordLoginSuccess(
  db: Database,
  attempt: { name: string; ip: string; now: Date },
): Promise<void> {
  await db.query('UPDATE login_limits SET attempts = 0, last_success_at = $2 WHERE key = $1', [
    pairKey(attempt.name, attempt.ip),
    attempt.now,
  ])
}

/** Deletes counts whose window has ended and that remember no recent success; returns how many. */
export async function sweepLoginLimits(
  db: Database,
  now: Date,
  policy: LoginPolicy = DEFAULT_LOGIN_POLICY,
): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM login_limits
      WHERE window_start <= $1::timestamptz - make_interval(secs => $2)
        AND (next_at IS NULL OR next_at <= $1::timestamptz)
        AND (last_success_at IS NULL OR last_success_at <= $1::timestamptz - make_interval(days => $3))`,
    [now, policy.windowS, policy.knownForDays],
  )
  return rowCount ?? 0
}
