/** A database could not be opened or prepared; the message is safe to print (no passwords). */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError'
}

/** A migration file failed; nothing of it was applied. */
export class MigrationError extends Error {
  override name = 'MigrationError'
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`Migration ${file} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

/** Replace the password of a postgres:// URL so it can be logged or shown. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@')
  }
}

/** "host:port" of a postgres:// URL, for messages that must not carry credentials. */
export function hostPort(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`
  } catch {
    return '(unparseable DATABASE_URL)'
  }
}

/**
 * The database cannot be reached or dropped the connection (server restart, terminated backend,
 * network): the request may be retried later, so callers answer 503, not 500.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
  readonly statusCode = 503
  constructor(override readonly cause?: unknown) {
    super('The database is unavailable at the moment; try again shortly')
  }
}

// SQLSTATE class 08 (connection exception), admin/crash shutdown, cannot connect now, too many connections.
const CONNECTION_SQLSTATES = /^(08...|57P0[1-4]|53300)$/
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])
// Texts of node-postgres and pg-pool for a lost or unobtainable connection (they carry no code), and
// of PostgreSQL refusing connections to a database (SQLSTATE 55000 is too broad to match by code).
const CONNECTION_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end)|is not currently accepting connections|the database system is (shutting down|starting up|in recovery mode)/

/** True when `err` (or an error it wraps) means the database connection failed, not the statement. */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (CONNECTION_SQLSTATES.test(code) || CONNECTION_ERRNOS.has(code))) return true
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true
  }
  return false
}
