import { availableParallelism } from 'node:os'

/** Thrown when the queue of sign-ins waiting for a password check is full. */
export class LoginGateBusy extends Error {
  override name = 'LoginGateBusy'
  constructor(readonly retryAfterS: number) {
    super(`Too many sign-ins at once; try again in ${retryAfterS} s`)
  }
}

export interface LoginGateOptions {
  /** Password checks running at once. */
  concurrency: number
  /** Sign-ins allowed to wait for a turn; one more is refused at once. */
  queue: number
  /** Typical time of one check, for the Retry-After estimate. */
  checkMs: number
}

/**
 * Bounds the scrypt work of sign-ins. Each check takes ~32 MiB and a libuv thread for ~50–100 ms;
 * unbounded, a burst of logins fills the thread pool and both cores, and tiles and the API stall.
 * Here at most `concurrency` checks run (one core is left for everything else), `queue` more wait,
 * and the rest are refused at once with a Retry-After estimate, before any database work.
 */
export class LoginGate {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly options: LoginGateOptions) {}

  /** Seconds to wait when the queue is full now, else 0: lets HTTP refuse a sign-in before reading its body. */
  busyFor(): number {
    if (this.active < this.options.concurrency || this.waiting.length < this.options.queue) return 0
    const ahead = this.active + this.waiting.length
    return Math.max(1, Math.ceil((ahead * this.options.checkMs) / this.options.concurrency / 1000))
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.concurrency) {
      const wait = this.busyFor()
      if (wait > 0) throw new LoginGateBusy(wait)
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.active++
    }
    try {
      return await fn()
    } finally {
      // Hand the slot straight to the next waiter, so `active` never drops below what is running.
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}

/** The gate of this process: every HTTP sign-in goes through it. */
export const loginGate = new LoginGate({
  concurrency: Math.max(1, availableParallelism() - 1),
  queue: 16,
  checkMs: 100,
})
