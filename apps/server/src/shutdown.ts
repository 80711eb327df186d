import type { Socket } from 'node:net'
import type { Database } from '@onemap/db/database'
import type { FastifyInstance } from 'fastify'

/** Whole shutdown budget: orchestrators (systemd, Docker, Kubernetes) escalate to SIGKILL at 10 s. */
export const SHUTDOWN_BUDGET_MS = 9_000
/** Share of the budget for in-flight requests to finish before their connections are cut. */
const DRAIN_MS = 6_000

const streams = new WeakMap<FastifyInstance, Set<Socket>>()

/**
 * Remembers the sockets of open event streams (SSE), which never end by themselves: an unattended
 * wall holds one forever. Registered in createServer.
 */
export function trackEventStreams(app: FastifyInstance): void {
  const open = new Set<Socket>()
  streams.set(app, open)
  app.addHook('onRequest', async (request) => {
    if (!String(request.headers.accept ?? '').includes('text/event-stream')) return
    const socket = request.raw.socket
    open.add(socket)
    socket.once('close', () => open.delete(socket))
  })
}

/**
 * Stops in order: no new connections, event streams cut (their clients reconnect with their last
 * event id, to this server once it is back or to another one), in-flight requests drained for up to
 * DRAIN_MS, then the database closed (which releases the embedded folder's lock). Resolves within
 * SHUTDOWN_BUDGET_MS whatever is connected; the caller exits.
 */
export async function shutDown(app: FastifyInstance, db: Database, say: (line: string) => void): Promise<void> {
  const closing = app.close()
  const open = streams.get(app) ?? new Set()
  if (open.size > 0) say(`ending ${open.size} live stream(s)`)
  for (const socket of open) socket.destroy()
  if (!(await within(closing, DRAIN_MS))) {
    say('requests still running after the drain period: closing their connections')
    app.server.closeAllConnections()
    await within(closing, 500)
  }
  if (!(await within(db.close(), SHUTDOWN_BUDGET_MS - DRAIN_MS - 1_000))) say('the database did not close in time')
}

/** True when `promise` settled within `ms`; its rejection counts as settled (we are stopping anyway). */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const settled = promise.then(
    () => true,
    () => true,
  )
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([settled, late])
  } finally {
    clearTimeout(timer)
  }
}
