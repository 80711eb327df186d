import { existsSync } from 'node:fs'
import fastifyCompress from '@fastify/compress'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import { appRouter } from '@onemap/api/root'
import type { Database } from '@onemap/db/database'
import { currentMigration } from '@onemap/db/migrate'
import { fastifyTRPCPlugin, type CreateFastifyContextOptions } from '@trpc/server/adapters/fastify'
import Fastify, { type FastifyInstance } from 'fastify'
import { contextFromRequest } from './auth/context.ts'
import { refuseCrossOrigin } from './auth/same-origin.ts'
import { feedRoutes } from './routes/feeds.ts'
import { ogcRoutes } from './routes/ogc.ts'
import { openDataRoutes } from './routes/open-data.ts'
import { tileRoutes } from './routes/tiles.ts'

export interface ServerOptions {
  db: Database
  /** Folder of the built web app; served at / when it exists. */
  webDist?: string
  logLevel?: string
}

/** Builds the HTTP server without listening, so tests inject requests or listen on port 0. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options
  const app = Fastify({
    logger: { level: options.logLevel ?? 'warn' },
    // Route parameters such as tile coordinates are validated by each route; keep URLs bounded.
    routerOptions: { maxParamLength: 500 },
  })

  // Every unexpected error becomes a plain 500 without internals; expected ones carry their code.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status === 500) request.log.error({ err: error }, 'request failed')
    reply.status(status).send({
      code: status === 500 ? 'internal_error' : 'bad_request',
      description: status === 500 ? 'Internal server error' : error.message,
    })
  })

  await app.register(fastifyCompress, { global: true })
  await app.register(fastifyCookie)
  refuseCrossOrigin(app)

  app.get('/healthz', async () => ({
    ok: true,
    database: db.kind,
    postgis: await db.postgisVersion(),
    migration: await currentMigration(db),
  }))

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: { router: appRouter, createContext: ({ req, res }: CreateFastifyContextOptions) => contextFromRequest(db, req, res) },
  })

  await app.register(tileRoutes, { db })
  await app.register(ogcRoutes, { db })
  await app.register(feedRoutes, { db })
  await app.register(openDataRoutes, { db })

  if (options.webDist && existsSync(`${options.webDist}/index.html`)) {
    await app.register(fastifyStatic, { root: options.webDist, prefix: '/', wildcard: false })
    // Client-side routes (/plan, /wall, /facility/:id …) all load the app shell.
    app.setNotFoundHandler((request, reply) => {
      const accept = request.headers.accept ?? ''
      if (request.method === 'GET' && accept.includes('text/html')) return reply.sendFile('index.html')
      return reply.status(404).send({ code: 'not_found', description: `No route ${request.method} ${request.url.split('?')[0]}` })
    })
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({ code: 'not_found', description: `No route ${request.method} ${request.url.split('?')[0]}` }),
    )
  }
  return app
}
