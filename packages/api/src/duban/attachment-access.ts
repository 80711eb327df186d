import type { Database } from '@onemap/db/database'
import { type AttachmentMeta, readAttachmentMeta } from '@onemap/db/queries/duban/attachments'
import { listOrders } from '@onemap/db/queries/duban/orders'
import { unitOfAccount } from '@onemap/db/queries/duban/units'
import type { SessionUser } from '../context.ts'

export type AttachmentVariant = 'file' | 'thumb'

/**
 * Who may fetch an attachment's bytes: anyone for the thumbnail of a public photo (metadata stripped);
 * office accounts for everything; a unit account for attachments of its own unit's orders or on items
 * its unit has an order about. Answers the metadata when allowed, 'forbidden' or 'not_found' otherwise
 * (a URL whose hash does not match is not found, so ids cannot be walked by guessing).
 */
export async function attachmentAccess(
  db: Database,
  user: SessionUser | null,
  id: number,
  hashPrefix: string,
  variant: AttachmentVariant,
): Promise<AttachmentMeta | 'forbidden' | 'unauthorized' | 'not_found'> {
  const meta = await readAttachmentMeta(db, id)
  if (!meta || !meta.sha256.startsWith(hashPrefix) || hashPrefix.length < 16) return 'not_found'
  if (meta.isPublic && variant === 'thumb') return meta
  if (!user) return 'unauthorized'
  if (user.role !== 'unit') return meta
  const unitId = await unitOfAccount(db, user.id)
  if (!unitId) return 'forbidden'
  const own = await listOrders(db, { unitId, item: { entity: meta.entity, id: meta.entityId } })
  return own.length > 0 ? meta : 'forbidden'
}
