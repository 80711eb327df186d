/** Why the wall says its figures may be out of date, or null when they are current. */
export type StaleReason = 'stream' | 'age' | null

/**
 * The wall is stale when the change stream has been down longer than a short grace (a reconnect
 * after a proxy timeout should not flash the banner), or when the last successful read of the
 * figures is older than `staleAfterMs`. Times are epoch milliseconds.
 */
export function staleReason(input: {
  now: number
  /** When the stream last went down, or null while it is up. */
  streamDownSince: number | null
  /** When the figures were last read successfully, or null before the first read. */
  lastFreshAt: number | null
  staleAfterMs: number
  streamGraceMs?: number
}): StaleReason {
  const grace = Math.min(input.streamGraceMs ?? 5_000, input.staleAfterMs)
  if (input.streamDownSince !== null && input.now - input.streamDownSince >= grace) return 'stream'
  if (input.lastFreshAt !== null && input.now - input.lastFreshAt > input.staleAfterMs) return 'age'
  return null
}
