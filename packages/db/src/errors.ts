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
