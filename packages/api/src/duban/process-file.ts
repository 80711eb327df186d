import { createHash } from 'node:crypto'
import type { AttachmentWrite } from '@onemap/db/queries/duban/attachments'
import exifr from 'exifr'
import sharp from 'sharp'
import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS, pdfActiveContent, sniffType } from './file-checks.ts'

/** A checked file ready to store: its type, bytes, thumbnail and what its EXIF says. */
export type ProcessedFile = Pick<
  AttachmentWrite,
  'mediaType' | 'content' | 'sha256' | 'thumbnail' | 'width' | 'height' | 'takenAt' | 'gpsLon' | 'gpsLat'
>

/** Why a file is refused, with the HTTP meaning of the refusal. */
export class FileRefused extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
  ) {
    super(message)
  }
}

/** Thumbnails: 480 px on the long side, WebP, metadata stripped (so public thumbnails carry no GPS). */
const THUMB_PX = 480

/** Checks the bytes, converts HEIC where the image library can, reads EXIF and makes the thumbnail. */
export async function processFile(bytes: Buffer): Promise<ProcessedFile> {
  if (bytes.length === 0) throw new FileRefused('BAD_REQUEST', 'The file is empty (0 bytes)')
  if (bytes.length > MAX_FILE_BYTES)
    throw new FileRefused(
      'PAYLOAD_TOO_LARGE',
      `The file has ${bytes.length} bytes; at most ${MAX_FILE_BYTES} are accepted`,
    )
  const sniffed = sniffType(bytes)
  if (sniffed === null)
    throw new FileRefused(
      'UNSUPPORTED_MEDIA_TYPE',
      'The file is not a JPEG, PNG, WebP or HEIC photo nor a PDF (judged by its content, not its name)',
    )
  if (sniffed === 'application/pdf') {
    const active = pdfActiveContent(bytes)
    if (active) throw new FileRefused('BAD_REQUEST', active)
    return {
      mediaType: sniffed,
      content: bytes,
      sha256: sha256(bytes),
      thumbnail: null,
      width: null,
      height: null,
      takenAt: null,
      gpsLon: null,
      gpsLat: null,
    }
  }
  // HEIC is converted before anything else reads it: EXIF is then read from the JPEG, never from the HEIF
  // boxes (a crafted zero-length box sends exifr's HEIF reader into an endless loop).
  const { content, mediaType } = sniffed === 'heic' ? await convertHeic(bytes) : { content: bytes, mediaType: sniffed }
  const exif = await readExif(content)
  // The header only: no pixel limit here, so an oversized image is named below rather than called damaged.
  const meta = await sharp(content, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new FileRefused('BAD_REQUEST', 'The image cannot be read (damaged or truncated)')
    })
  const width = meta.width ?? 0
  const height = meta.height ?? 0
  // Judged from the header before decoding a single pixel: a 100 kB PNG can claim 100 000 × 100 000.
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new FileRefused(
      'BAD_REQUEST',
      `The image is ${width} × ${height} pixels; at most ${MAX_IMAGE_PIXELS / 1e6} megapixels are accepted`,
    )
  }
  const thumbnail = await sharp(content, { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 72 })
    .toBuffer()
    .catch(() => {
      throw new FileRefused('BAD_REQUEST', 'The image cannot be decoded (damaged or truncated)')
    })
  return { mediaType, content, sha256: sha256(content), thumbnail, width, height, ...exif }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** HEIC (HEVC-coded) photos become JPEG when the image library has a HEVC decoder; otherwise refused. */
async function convertHeic(bytes: Buffer): Promise<{ content: Buffer; mediaType: 'image/jpeg' }> {
  try {
    const content = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .jpeg({ quality: 88 })
      .withMetadata()
      .toBuffer()
    return { content, mediaType: 'image/jpeg' }
  } catch {
    throw new FileRefused(
      'UNSUPPORTED_MEDIA_TYPE',
      'HEIC photos cannot be converted on this server (its image library has no HEVC decoder); set the camera to "Most Compatible" or send a JPEG',
    )
  }
}

/** Capture time and GPS position from EXIF; nulls when absent or unreadable (never a refusal). */
async function readExif(bytes: Buffer): Promise<Pick<ProcessedFile, 'takenAt' | 'gpsLon' | 'gpsLat'>> {
  try {
    const tags = (await exifr.parse(bytes, {
      gps: true,
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'OffsetTimeOriginal',
        'GPSLatitude',
        'GPSLongitude',
        'GPSLatitudeRef',
        'GPSLongitudeRef',
      ],
    })) as
      | {
          DateTimeOriginal?: Date
          CreateDate?: Date
          OffsetTimeOriginal?: string
          latitude?: number
          longitude?: number
        }
      | undefined
    const taken = cameraTime(tags?.DateTimeOriginal ?? tags?.CreateDate, tags?.OffsetTimeOriginal)
    const lat = tags?.latitude
    const lon = tags?.longitude
    const valid =
      typeof lat === 'number' &&
      typeof lon === 'number' &&
      Number.isFinite(lat) &&
      Number.isFinite(lon) &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180
    return {
      takenAt: taken,
      gpsLat: valid ? lat : null,
      gpsLon: valid ? lon : null,
    }
  } catch {
    return { takenAt: null, gpsLat: null, gpsLon: null }
  }
}

/**
 * EXIF times are the camera's wall clock without a zone; exifr builds a Date from them in this process's
 * zone. Read them back as wall-clock time in the camera's offset when EXIF gives one, else China
 * Standard Time (UTC+8, no daylight saving): photos of the zone are taken in the zone.
 */
function cameraTime(date: Date | undefined, offset: string | undefined): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null
  const wallClock = new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 19)
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+08:00'
  const t = new Date(`${wallClock}${zone}`)
  return Number.isNaN(t.getTime()) ? null : t.toISOString()
}
