/** How a retry loop spaces its attempts. */
export interface Backoff {
  /** Delay before the first retry, ms. */
  firstMs: number
  /** Ceiling the doubling stops at, ms. */
  maxMs: number
}

/**
 * Delay in ms before retry `attempt` (0-based): doubling from `firstMs` to the `maxMs` ceiling, spread
 * ±25 % at random so a room of walls, or several servers, do not all retry in the same instant after
 * a restart. Used by the database listener and the browser's live stream alike.
 */
export function backoffDelay(attempt: number, b: Backoff, random: () => number = Math.random): number {
  const base = Math.min(b.maxMs, b.firstMs * 2 ** Math.min(attempt, 30))
  return Math.round(base * (0.75 + 0.5 * random()))
}
