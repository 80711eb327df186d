import { MAX_FILE_BYTES } from '@onemap/api/duban/file-checks'
import { attachmentAccess } from '@onemap/api/duban/attachment-access'
import { resolveSession } from '@onemap/api/sessions'
import type { Database } from '@onemap/db/database'
import { readAttachmentBytes } from '@onemap/db/queries/duban/attachments'
import type { FastifyInstance } from 'fastify'
import { sessionCookieFor } from '../auth/session-cookie.ts'

/**
 * GET /attachments/{id}/{hash}/{file|thumb}: a stored photo, PDF or thumbnail. The URL carries the first
 * 16 hex digits of the content's SHA-256, and the ETag is the hash, so a revalidation is a 304. Public
 * thumbnails may sit in shared caches for five minutes (unpublishing takes effect within that); anything
 * else is private to the signed-in browser and revalidated on every use.
 */
export async function attachmentRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  const { db } = options
  app.get<{ Params: { id: string; hash: string; variant: string } }>(
    '/attachments/:id/:hash/:variant',
    async (request, reply) => {
      const { id, hash, variant } = request.params
      const notFound = () =>
        reply.status(404).send({ code: 'not_found', description: `No attachment at ${request.url.split('?')[0]}` })
      if (!/^\d{1,15}$/.test(id) || !/^[0-9a-f]{16,64}$/.test(hash) || (variant !== 'file' && variant !== 'thumb'))
        return notFound()
      const user = await resolveSession(db, sessionCookieFor(request, reply).read())
      const access = await attachmentAccess(db, user, Number(id), hash, variant)
      if (access === 'not_found') return notFound()
      if (access === 'unauthorized')
        return reply.status(401).send({ code: 'unauthorized', description: 'Sign in to see this attachment' })
      if (access === 'forbidden')
        return reply
          .status(403)
          .send({ code: 'forbidden', description: `Attachment ${id} belongs to another unit's order` })
      const etag = `"${access.sha256}${variant === 'thumb' ? '-t' : ''}"`
      const shared = access.isPublic && variant === 'thumb'
      reply.header('ETag', etag)
      reply.header('Cache-Control', shared ? 'public, max-age=300' : 'private, no-cache')
      reply.header('X-Content-Type-Options', 'nosniff')
      if (request.headers['if-none-match'] === etag) return reply.status(304).send()
      const stored = await readAttachmentBytes(db, access.id, variant)
      if (!stored) return notFound()
      // PDFs download rather than render in our origin; the stored name was checked to hold no path or control characters.
      const disposition = stored.mediaType === 'application/pdf' ? 'attachment' : 'inline'
      reply.header('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(stored.fileName)}`)
      return reply.type(stored.mediaType).send(stored.bytes)
    },
  )
}

/** Largest tRPC request body: a file at the size limit in base64, with room for the JSON around it. */
export const UPLOAD_BODY_LIMIT = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 64 * 1024
