import {
  insertAttachment,
  itemAttachmentBytes,
  listItemAttachments,
  lockItemAttachments,
  readAttachmentMeta,
  setAttachmentPublic,
} from '@onemap/db/queries/duban/attachments'
import { insertDubanLog } from '@onemap/db/queries/duban/log'
import { readOrder } from '@onemap/db/queries/duban/orders'
import { readResponsibility } from '@onemap/db/queries/duban/responsibility'
import { zoneToday } from '@onemap/domain/dates'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { checkFileName, MAX_FILE_BYTES, MAX_ITEM_BYTES } from '../../duban/file-checks.ts'
import { FileRefused, processFile } from '../../duban/process-file.ts'
import { describeAttachment as describe } from '../../duban/attachment-view.ts'
import { dubanProcedure, requireOffice, requirePlanner, requireSameUnit } from '../../duban/scope.ts'
import { publicProcedure, router } from '../../trpc.ts'
import { ItemRef, requireItem } from './items.ts'

/** Base64 length of a file at the size limit. */
const MAX_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4

export const attachmentsRouter = router({
  /**
   * Uploads one file (base64 in the JSON body, at most MAX_FILE_BYTES decoded) onto an item, optionally as
   * part of an order reply. A unit account may upload only onto items of its own open orders.
   */
  upload: dubanProcedure
    .input(
      ItemRef.extend({
        orderId: z.number().int().positive().optional(),
        fileName: z.string().max(400),
        // A hard cap before decoding; the exact limit is judged on the decoded bytes (413).
        dataBase64: z.string().max(2 * MAX_BASE64, `The file is far larger than ${MAX_FILE_BYTES} bytes`),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope
      if (scope.kind === 'unit' && !input.orderId)
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'A unit uploads files as part of its reply to an order: give the order id',
        })
      if (scope.kind === 'office') requirePlanner(scope)
      if (input.orderId) {
        const order = await readOrder(ctx.db, input.orderId)
        if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: `No supervision order with id ${input.orderId}` })
        requireSameUnit(scope, order.unitId, `Order ${input.orderId}`)
        if (order.state === 'accepted')
          throw new TRPCError({ code: 'CONFLICT', message: `Order ${input.orderId} is closed (accepted)` })
        if (!order.items.some((i) => i.entity === input.entity && i.id === input.id)) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Order ${input.orderId} is not about ${input.entity} '${input.id}'`,
          })
        }
      }
      const badName = checkFileName(input.fileName)
      if (badName) throw new TRPCError({ code: 'BAD_REQUEST', message: badName })
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64) || input.dataBase64.length % 4 !== 0) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'dataBase64 is not base64' })
      }
      await requireItem(ctx.db, input.entity, input.id)
      const file = await processFile(Buffer.from(input.dataBase64, 'base64')).catch((err: unknown) => {
        if (err instanceof FileRefused)
          throw new TRPCError({ code: err.code, message: `${input.fileName}: ${err.message}` })
        throw err
      })
      return ctx.db.transaction(async (client) => {
        // Checked inside the transaction that inserts, so two uploads cannot both squeeze under the limit
        // (on a server the lock below serialises uploads onto the same item).
        await lockItemAttachments(client, input.entity, input.id)
        const used = await itemAttachmentBytes(client, input.entity, input.id)
        if (used + file.content.length > MAX_ITEM_BYTES) {
          throw new TRPCError({
            code: 'PAYLOAD_TOO_LARGE',
            message: `${input.id} already holds ${used} bytes of attachments; at most ${MAX_ITEM_BYTES} per item`,
          })
        }
        const stored = await insertAttachment(client, {
          ...file,
          entity: input.entity,
          entityId: input.id,
          orderId: input.orderId ?? null,
          fileName: input.fileName,
          uploadedBy: scope.user.name,
        })
        const unitId =
          scope.kind === 'unit' ? scope.unitId : (await readResponsibility(client, input.entity, input.id)).leadUnit
        await insertDubanLog(client, {
          action: 'attachment',
          orderId: input.orderId ?? null,
          unitId,
          entity: input.entity,
          entityId: input.id,
          from: null,
          to: String(stored.id),
          actor: scope.user.name,
          note: input.fileName,
        })
        return describe(stored)
      })
    }),

  /** Every attachment of an item with EXIF facts and the far-GPS flag (office accounts). */
  forItem: dubanProcedure.input(ItemRef).query(async ({ ctx, input }) => {
    requireOffice(ctx.scope)
    await requireItem(ctx.db, input.entity, input.id)
    return (await listItemAttachments(ctx.db, input.entity, input.id, false)).map(describe)
  }),

  /** Shows a photo on public cards or hides it again (planners); audited. PDFs are never public. */
  setPublic: dubanProcedure
    .input(z.object({ id: z.number().int().positive(), isPublic: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const scope = requirePlanner(ctx.scope)
      return ctx.db.transaction(async (client) => {
        const meta = await readAttachmentMeta(client, input.id)
        if (!meta) throw new TRPCError({ code: 'NOT_FOUND', message: `No attachment with id ${input.id}` })
        if (input.isPublic && meta.mediaType === 'application/pdf')
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Attachment ${input.id} is a PDF; only photos can be public`,
          })
        await setAttachmentPublic(client, input.id, input.isPublic)
        await insertDubanLog(client, {
          action: input.isPublic ? 'publish' : 'unpublish',
          orderId: null,
          unitId: null,
          entity: meta.entity,
          entityId: meta.entityId,
          from: null,
          to: String(input.id),
          actor: scope.user.name,
          note: meta.fileName,
        })
        return { id: input.id, isPublic: input.isPublic }
      })
    }),

  /**
   * The public photos of a facility or road for its public card: thumbnail URL (metadata stripped),
   * size and capture date only. See docs/public-fields.md.
   */
  publicForItem: publicProcedure.input(ItemRef).query(async ({ ctx, input }) =>
    (await listItemAttachments(ctx.db, input.entity, input.id, true))
      .filter((a) => a.hasThumbnail)
      .map((a) => ({
        id: a.id,
        thumbUrl: `/attachments/${a.id}/${a.sha256.slice(0, 16)}/thumb`,
        width: a.width,
        height: a.height,
        takenOn: a.takenAt ? zoneToday(new Date(a.takenAt)) : null,
      })),
  ),
})
