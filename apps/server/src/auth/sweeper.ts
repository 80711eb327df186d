import type { Database } from '@onemap/db/database'
import { deleteExpiredSessions } from '@onemap/db/queries/accounts'
import { sweepLoginLimits } from '@onemap/db/queries/login-limits'
import type { FastifyInstance } from 'fastify'

/** Ten minutes: an expired session is refused at once anyway (the lookup checks expires_at); this only tidies. */
export const SWEEP_EVERY_MS = 10 * 60_000

/**
 * Deletes expired sessions and spent login counts every `everyMs` while the server runs. The timer is
 * unref'd (it never keeps the process alive) and stopped when the server closes; a failed sweep (database
 * down) is logged and retried at the next tick.
 */
export function sweepPeriodically(app: FastifyInstance, db: Database, everyMs = SWEEP_EVERY_MS): void {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    Promise.all([deleteExpiredSessions(db), sweepLoginLimits(db, new Date())])
      .catch((err: unknown) => app.log.warn({ err }, 'sweeping expired sessions failed; retrying at the next tick'))
      .finally(() => {
        running = false
      })
  }, everyMs)
  timer.unref()
  app.addHook('onClose', async () => clearInterval(timer))
}
