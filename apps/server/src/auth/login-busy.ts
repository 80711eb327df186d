import { loginGate } from '@onemap/api/login-gate'
import type { FastifyInstance } from 'fastify'

/**
 * Refuses a sign-in with 503 + Retry-After while the queue of password checks is full, before its
 * body is read or tRPC runs: during a burst the excess costs the server almost nothing. The answer
 * has tRPC's error shape, so the web client shows its message like any other refusal.
 */
export function refuseLoginsWhenBusy(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/trpc/')) return
    const procedures = request.url.slice('/trpc/'.length).split('?')[0]!.split(',')
    if (!procedures.includes('auth.login')) return
    const wait = loginGate.busyFor()
    if (wait === 0) return
    const message = `Too many sign-ins at once; try again in ${wait} s`
    const error = {
      error: { message, code: -32603, data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, path: 'auth.login' } },
    }
    const batched = request.url.includes('batch=1')
    return reply
      .status(503)
      .header('retry-after', String(wait))
      .send(batched ? procedures.map(() => error) : error)
  })
}
