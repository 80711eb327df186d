import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fastifyCompress from '@fastify/compress'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import { appRouter, type AppRouter } from '@onemap/api/root'
import { isConnectionError, type Database } from '@onemap/db/database'
import { currentMigration } from '@onemap/db/migrate'
import {
  fastifyTRPCPlugin,
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
} from '@trpc/server/adapters/fastify'
import Fastify, { type FastifyInstance } from 'fastify'
import { contextFromRequest } from './auth/context.ts'
import { refuseLoginsWhenBusy } from './auth/login-busy.ts'
import { sweepPeriodically } from './auth/sweeper.ts'
import { refuseCrossOrigin } from './auth/same-origin.ts'
import { logTrpcError, RETRY_AFTER_S, unexpectedFailure } from './failures.ts'
import { attachmentRoutes, UPLOAD_BODY_LIMIT } from './routes/attachments.ts'
import { briefRoutes } from './routes/brief.ts'
import { ogcRoutes } from './routes/ogc.ts'
import { registerPublicOrigin } from './public-origin.ts'
import { registerRateLimits, type RateLimits } from './rate-limits.ts'
import { registerSecurityHeaders } from './security-headers.ts'
import { trackEventStreams } from './shutdown.ts'
import { indicatorDataRoutes } from './routes/indicator-data.ts'
import { feedRoutes } from './routes/feeds.ts'
import { openDataRoutes } from './routes/open-data.ts'
import { tileRoutes } from './routes/tiles.ts'

export interface ServerOptions {
  db: Database
  /** Folder of the built web app; served at / when it exists. */
  webDist?: string
  logLevel?: string
  /** Origin of absolute links (ONEMAP_PUBLIC_URL); unset: the request's validated Host. */
  publicUrl?: string | undefined
  /** Per-address limits per minute (ONEMAP_RATE_LIMIT_*); absent: none (tests, benchmarks). */
  rateLimits?: RateLimits
  /** Fastify trustProxy (ONEMAP_TRUST_PROXY): believe X-Forwarded-For/-Proto from these proxies. */
  trustProxy?: boolean | number | string[]
  /** CSP frame-ancestors sources (ONEMAP_FRAME_ANCESTORS). */
  frameAncestors?: string
  /** Where log lines go (default stdout); tests read them to find a request id. */
  logStream?: { write(line: string): void }
  /** How often expired sessions are swept (tests shorten it). */
  sweepEveryMs?: number
}

/** Builds the HTTP server without listening, so tests inject requests or listen on port 0. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options
  const app = Fastify({
    logger: { level: options.logLevel ?? 'warn', ...(options.logStream ? { stream: options.logStream } : {}) },
    // Route parameters such as tile coordinates are validated by each route; keep URLs bounded.
    routerOptions: { maxParamLength: 500 },
    // Random ids (not a counter that restarts at 1) so a quoted id finds one log line across restarts.
    genReqId: randomRequestId,
    // A hop count trusts that many proxies nearest to us (what proxy-addr does with a number).
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false),
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  // Every unexpected error is logged and answered without internals; expected ones carry their code.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : undefined
    if (status)
      return reply
        .status(status)
        .send({ code: status === 429 ? 'too_many_requests' : 'bad_request', description: error.message })
    const failure = unexpectedFailure(error, request, reply)
    return reply.send({
      code: failure.status === 503 ? 'service_unavailable' : 'internal_error',
      description: failure.description,
    })
  })

  trackEventStreams(app)
  registerPublicOrigin(app, options.publicUrl)
  await registerSecurityHeaders(app, options.frameAncestors ?? "'none'")
  if (options.rateLimits) await registerRateLimits(app, options.rateLimits)
  await app.register(fastifyCompress, { global: true })
  await app.register(fastifyCookie)
  refuseCrossOrigin(app)
  refuseLoginsWhenBusy(app)
  sweepPeriodically(app, db, options.sweepEveryMs)

  app.get('/healthz', async (request, reply) => {
    try {
      const health = {
        ok: true,
        database: db.kind,
        postgis: await db.postgisVersion(),
        migration: await currentMigration(db),
      }
      if (!db.reads || !db.replicaStatus) return health
      // With a replica: probe it, then say whether public reads go to it or, while it is down, to the primary.
      await db.reads.query('SELECT 1')
      return { ...health, readReplica: db.replicaStatus() }
    } catch (err) {
      // An outage is reported, not thrown: monitors read the body, and the server keeps serving.
      const failure = unexpectedFailure(err, request, reply)
      return { ok: false, database: db.kind, error: failure.description }
    }
  })

  await app.register(async (trpc) => {
    // Attachments travel base64 in tRPC bodies (duban.attachments.upload), so /trpc accepts bodies up to
    // the upload cap; every other route keeps Fastify's 1 MiB.
    trpc.addHook('onRoute', (route) => {
      route.bodyLimit = UPLOAD_BODY_LIMIT
    })
    await trpc.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: appRouter,
        createContext: ({ req, res }: CreateFastifyContextOptions) => contextFromRequest(db, req, res),
        onError: ({ error, req, path }) => logTrpcError(error, req, path),
        responseMeta: ({ errors }) =>
          errors.some((e) => isConnectionError(e.cause)) ? { headers: { 'retry-after': String(RETRY_AFTER_S) } } : {},
      } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
    })
  })

  // Tiles and OGC items are public reads: the replica when there is one (db.reads falls back to the
  // primary when it is down; the tile route also when it lags behind the version asked for).
  await app.register(tileRoutes, { db, reads: db.reads })
  await app.register(ogcRoutes, { db: db.reads ?? db })
  await app.register(attachmentRoutes, { db })
  await app.register(briefRoutes, { db })
  await app.register(indicatorDataRoutes, { db })
  await app.register(feedRoutes, { db })
  await app.register(openDataRoutes, { db })

  if (options.webDist && existsSync(`${options.webDist}/index.html`)) {
    await app.register(fastifyStatic, {
      root: options.webDist,
      prefix: '/',
      wildcard: false,
      cacheControl: false,
      // Vite names built assets by content hash: a year, immutable. index.html and other unhashed
      // files are revalidated on every load, so a deploy reaches browsers at once.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
    // Client-side routes (/plan, /wall, /facility/:id …) all load the app shell.
    app.setNotFoundHandler((request, reply) => {
      const accept = request.headers.accept ?? ''
      if (request.method === 'GET' && accept.includes('text/html')) return reply.sendFile('index.html')
      return reply
        .status(404)
        .send({ code: 'not_found', description: `No route ${request.method} ${request.url.split('?')[0]}` })
    })
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .send({ code: 'not_found', description: `No route ${request.method} ${request.url.split('?')[0]}` }),
    )
  }
  return app
}

/** Random bytes drawn 4 KiB at a time: one randomBytes call per request was 3 % of a cached tile's CPU. */
let idPool = Buffer.alloc(0)
let idAt = 0
function randomRequestId(): string {
  if (idAt + 8 > idPool.length) {
    idPool = randomBytes(4096)
    idAt = 0
  }
  idAt += 8
  return idPool.toString('hex', idAt - 8, idAt)
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops
}
