import type { AttachmentType, DubanEntity } from '@onemap/domain/duban'
import type pg from 'pg'
import type { Queryable } from './queryable.ts'
import type { Database } from '../../database.ts'

/** An attachment's description without its bytes. */
export interface AttachmentMeta {
  id: number
  entity: DubanEntity
  entityId: string
  orderId: number | null
  fileName: string
  mediaType: AttachmentType
  byteSize: number
  sha256: string
  width: number | null
  height: number | null
  hasThumbnail: boolean
  takenAt: string | null
  gpsLon: number | null
  gpsLat: number | null
  gpsDistanceM: number | null
  isPublic: boolean
  uploadedBy: string
  uploadedAt: string
}

const META = `id::int AS id, entity, entity_id AS "entityId", order_id::int AS "orderId", file_name AS "fileName",
  media_type AS "mediaType", byte_size AS "byteSize", sha256, width, height, thumbnail IS NOT NULL AS "hasThumbnail",
  to_char(taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "takenAt", gps_lon AS "gpsLon", gps_lat AS "gpsLat",
  gps_distance_m AS "gpsDistanceM", is_public AS "isPublic", uploaded_by AS "uploadedBy",
  to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "uploadedAt"`

export interface AttachmentWrite {
  entity: DubanEntity
  entityId: string
  orderId: number | null
  fileName: string
  mediaType: AttachmentType
  content: Buffer
  sha256: string
  thumbnail: Buffer | null
  width: number | null
  height: number | null
  takenAt: string | null
  gpsLon: number | null
  gpsLat: number | null
  uploadedBy: string
}

// The item's geometry for the GPS distance: a segment, a facility point, or all segments of a road.
const ITEM_GEOM = `CASE $1::text
    WHEN 'road_segment' THEN (SELECT geom FROM road_segments WHERE id = $2)
    WHEN 'facility' THEN (SELECT geom FROM facilities WHERE id = $2)
    ELSE (SELECT ST_Collect(geom) FROM road_segments WHERE road_id = $2) END`

/**
 * Stores an attachment in the caller's transaction; the distance from its GPS position to the item is
 * measured on the CGCS2000 ellipsoid (geography), in metres.
 */
export async function insertAttachment(client: pg.PoolClient, a: AttachmentWrite): Promise<AttachmentMeta> {
  const { rows } = await client.query<AttachmentMeta>(
    `INSERT INTO attachments (entity, entity_id, order_id, file_name, media_type, byte_size, sha256, content, thumbnail,
                              width, height, taken_at, gps_lon, gps_lat, gps_distance_m, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::float8, $14::float8,
             CASE WHEN $13::float8 IS NULL OR $14::float8 IS NULL THEN NULL
                  ELSE ST_Distance((${ITEM_GEOM})::geography, ST_SetSRID(ST_MakePoint($13::float8, $14::float8), 4490)::geography) END,
             $15)
     RETURNING ${META}`,
    [
      a.entity,
      a.entityId,
      a.orderId,
      a.fileName,
      a.mediaType,
      a.content.length,
      a.sha256,
      a.content,
      a.thumbnail,
      a.width,
      a.height,
      a.takenAt,
      a.gpsLon,
      a.gpsLat,
      a.uploadedBy,
    ],
  )
  return rows[0]!
}

/**
 * Takes the transaction-scoped lock of an item's attachments, so two uploads onto the same item check the
 * per-item limit one after the other (released at COMMIT or ROLLBACK).
 */
export async function lockItemAttachments(client: pg.PoolClient, entity: DubanEntity, entityId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`attachments:${entity}:${entityId}`])
}

/** Bytes already stored on an item (for the per-item limit). */
export async function itemAttachmentBytes(client: Queryable, entity: DubanEntity, entityId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT coalesce(sum(byte_size), 0)::float8 AS n FROM attachments WHERE entity = $1 AND entity_id = $2',
    [entity, entityId],
  )
  return rows[0]!.n
}

/** Attachments of an item (all, or only public ones), newest first. */
export async function listItemAttachments(
  db: Database,
  entity: DubanEntity,
  entityId: string,
  onlyPublic: boolean,
): Promise<AttachmentMeta[]> {
  const { rows } = await db.query<AttachmentMeta>(
    `SELECT ${META} FROM attachments WHERE entity = $1 AND entity_id = $2 AND (is_public OR NOT $3) ORDER BY id DESC`,
    [entity, entityId, onlyPublic],
  )
  return rows
}

/** Attachments of an order's replies, oldest first. */
export async function listOrderAttachments(db: Database, orderId: number): Promise<AttachmentMeta[]> {
  const { rows } = await db.query<AttachmentMeta>(`SELECT ${META} FROM attachments WHERE order_id = $1 ORDER BY id`, [
    orderId,
  ])
  return rows
}

export async function readAttachmentMeta(db: Queryable, id: number): Promise<AttachmentMeta | null> {
  const { rows } = await db.query<AttachmentMeta>(`SELECT ${META} FROM attachments WHERE id = $1`, [id])
  return rows[0] ?? null
}

/** The stored bytes (the file or its thumbnail) with what serving needs. */
export async function readAttachmentBytes(
  db: Database,
  id: number,
  variant: 'file' | 'thumb',
): Promise<{ bytes: Buffer; mediaType: string; sha256: string; fileName: string } | null> {
  const column = variant === 'thumb' ? 'thumbnail' : 'content'
  const type = variant === 'thumb' ? `'image/webp'` : 'media_type'
  const { rows } = await db.query<{ bytes: Buffer | null; mediaType: string; sha256: string; fileName: string }>(
    `SELECT ${column} AS bytes, ${type} AS "mediaType", sha256, file_name AS "fileName" FROM attachments WHERE id = $1`,
    [id],
  )
  const row = rows[0]
  return row?.bytes ? { bytes: row.bytes, mediaType: row.mediaType, sha256: row.sha256, fileName: row.fileName } : null
}

/** Marks a photo public or not, in the caller's transaction; false when there is no such attachment. */
export async function setAttachmentPublic(client: pg.PoolClient, id: number, isPublic: boolean): Promise<boolean> {
  const { rowCount } = await client.query('UPDATE attachments SET is_public = $2 WHERE id = $1', [id, isPublic])
  return (rowCount ?? 0) > 0
}
