/**
 * Counts failed logins per account name and per client address in a sliding window. Past the limit
 * every attempt is refused without checking the password, so guessing costs the attacker time and
 * the server no scrypt work. In memory: each server process throttles on its own, which only
 * multiplies the limit by the number of processes.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly options = { perName: 5, perIp: 20, windowMs: 15 * 60_000 },
    private readonly clock: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.clock() - this.options.windowMs
    const list = (this.failures.get(key) ?? []).filter((t) => t > since)
    if (list.length) this.failures.set(key, list)
    else this.failures.delete(key)
    return list
  }

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(name: string, ip: string): number {
    const byName = this.recent(`n:${name.toLowerCase()}`)
    const byIp = this.recent(`i:${ip}`)
    const blocked = (list: number[], max: number) => (list.length >= max ? list[list.length - max]! + this.options.windowMs : 0)
    const until = Math.max(blocked(byName, this.options.perName), blocked(byIp, this.options.perIp))
    return until ? Math.max(1, Math.ceil((until - this.clock()) / 1000)) : 0
  }

  fail(name: string, ip: string): void {
    const now = this.clock()
    for (const key of [`n:${name.toLowerCase()}`, `i:${ip}`]) this.failures.set(key, [...this.recent(key), now])
  }

  succeed(name: string): void {
    this.failures.delete(`n:${name.toLowerCase()}`)
  }
}
