import { inflateSync } from 'node:zlib'
import type { AttachmentType } from '@onemap/domain/duban'

/** Largest file accepted, in bytes (a phone photo is 2–6 MB; a scanned report a few MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024
/** Largest total of attachments on one item, in bytes. */
export const MAX_ITEM_BYTES = 50 * 1024 * 1024
/** Largest image accepted, in pixels: refuses decompression bombs before any decoding. */
export const MAX_IMAGE_PIXELS = 50_000_000

/** What the bytes are, from their first bytes (magic numbers), never from the name; 'heic' needs converting. */
export function sniffType(bytes: Uint8Array): AttachmentType | 'heic' | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => bytes[i + k] === x)
  const ascii = (i: number, s: string) => at(i, ...[...s].map((c) => c.charCodeAt(0)))
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp'
  if (ascii(0, '%PDF-')) return 'application/pdf'
  // ISO base media file with an HEIF brand: iPhone photos.
  if (ascii(4, 'ftyp') && ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].some((b) => ascii(8, b)))
    return 'heic'
  return null
}

/**
 * A name safe to store and to send back in Content-Disposition, or the reason it is refused: no path
 * parts, no control characters (NUL included), no dot-only names.
 */
export function checkFileName(name: string): string | null {
  if (name.length === 0 || name.length > 200) return 'The file name must have 1 to 200 characters'
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'The file name contains a control character (e.g. NUL)'
  if (/[/\\]/.test(name)) return `The file name '${name}' contains a path; send the bare file name`
  if (/^\.+$/.test(name.trim())) return `The file name '${name}' is not a file name`
  return null
}

// PDF names that run code or carry payloads; none belongs in a site report.
const ACTIVE_PDF = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA|AA)\b/

/**
 * Why a PDF is refused, or null. Scans the file and every Flate-compressed stream (object streams can
 * hide /JavaScript from a plain scan) for active content.
 */
export function pdfActiveContent(bytes: Buffer): string | null {
  const text = bytes.toString('latin1')
  const hit = ACTIVE_PDF.exec(text)
  if (hit) return `The PDF contains active content (/${hit[1]}); save it without scripts or embedded files`
  const streams = /stream\r?\n/g
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length
    const end = text.indexOf('endstream', start)
    if (end < 0) break
    const header = text.slice(Math.max(0, m.index - 300), m.index)
    if (header.includes('/FlateDecode')) {
      let inner: string
      try {
        inner = inflateSync(bytes.subarray(start, end), { maxOutputLength: 64 * 1024 * 1024 }).toString('latin1')
      } catch {
        continue // an image or a damaged stream: not an object stream we could read anyway
      }
      const innerHit = ACTIVE_PDF.exec(inner)
      if (innerHit)
        return `The PDF contains active content (/${innerHit[1]}); save it without scripts or embedded files`
    }
    streams.lastIndex = end
  }
  return null
}
