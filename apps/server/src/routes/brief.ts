import type { Database } from '@onemap/db/database'
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { contextFromRequest } from '../auth/context.ts'
import { briefHtml } from '../brief/make.ts'

const Query = z.object({
  since: z.iso.date(),
  area: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
})

/** GET /brief?since=YYYY-MM-DD[&area=410172xxx][&lang=zh|en]: the weekly meeting brief to print (office accounts). */
export async function briefRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  const { db } = options
  app.get('/brief', async (request, reply) => {
    const page = (status: number, message: string) =>
      reply
        .status(status)
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(`<!doctype html><meta charset="utf-8"><title>${status}</title><p>${message.replace(/[&<>]/g, '')}</p>`)
    const query = Query.safeParse(request.query)
    if (!query.success)
      return page(
        400,
        `Bad brief request: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      )
    const ctx = await contextFromRequest(db, request, reply)
    if (!ctx.user) return page(401, 'Sign in at /plan first')
    try {
      const html = await briefHtml(db, query.data, ctx.user)
      return reply.type('text/html; charset=utf-8').header('Cache-Control', 'private, no-store').send(html)
    } catch (err) {
      if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR')
        return page(getHTTPStatusCodeFromError(err), err.message)
      throw err
    }
  })
}
