import type { Database } from '@onemap/db/database'
import type { Role } from '@onemap/domain/statuses'
import { loginGate, type LoginGate } from './login-gate.ts'

/** The signed-in account of a request; null for the public. */
export interface SessionUser {
  id: number
  name: string
  role: Role
}

/** Where the session token travels. Over HTTP it is an httpOnly cookie; in tests, a variable. */
export interface SessionCookie {
  read(): string | undefined
  set(token: string, expires: Date): void
  clear(): void
}

/** What every procedure may use; built without HTTP so tests call routers through createCaller. */
export interface Context {
  db: Database
  user: SessionUser | null
  cookie: SessionCookie
  /** Client address, for login limits. */
  clientIp: string
  /** Id of the HTTP request, quoted in masked error messages so a log line can be found. */
  requestId?: string
  /** Bounds concurrent password checks; one per process. */
  loginGate: LoginGate
  /** Sets Retry-After on the response (HTTP); a no-op without HTTP. */
  retryAfter: (seconds: number) => void
  /** The clock; tests fix it to compute deadlines deterministically. */
  now: () => Date
}

/** A cookie jar of one token in memory, for callers without HTTP. */
export function memoryCookie(initial?: string): SessionCookie {
  let token = initial
  return {
    read: () => token,
    set: (t) => {
      token = t
    },
    clear: () => {
      token = undefined
    },
  }
}

export function createContext(db: Database, options: Partial<Omit<Context, 'db'>> = {}): Context {
  return {
    db,
    user: options.user ?? null,
    cookie: options.cookie ?? memoryCookie(),
    clientIp: options.clientIp ?? 'local',
    loginGate: options.loginGate ?? loginGate,
    retryAfter: options.retryAfter ?? (() => {}),
    now: options.now ?? (() => new Date()),
    ...(options.requestId ? { requestId: options.requestId } : {}),
  }
}
