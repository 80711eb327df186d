import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

/** Test files made on the spot: a JPEG with EXIF time and GPS, a PNG bomb, PDFs and an HEIC header. */

/** A small JPEG whose EXIF says it was taken at (lon, lat) on 2026-11-20 10:30. */
export async function jpegAt(lon: number, lat: number): Promise<Buffer> {
  const dms = (v: number) => {
    const d = Math.floor(v)
    const m = Math.floor((v - d) * 60)
    const s = Math.round(((v - d) * 60 - m) * 60 * 100)
    return `${d}/1 ${m}/1 ${s}/100`
  }
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#4a7' } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: '2026:11:20 10:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: dms(lat), GPSLongitudeRef: 'E', GPSLongitude: dms(lon) },
    })
    .toBuffer()
}

/** A valid 1×1 PNG whose header claims 100 000 × 100 000 pixels (a decompression bomb's calling card). */
export async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  )
  // IHDR data starts at byte 16: width and height (big-endian), then the chunk's CRC over type + data.
  png.writeUInt32BE(100_000, 16)
  png.writeUInt32BE(100_000, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29)
  return png
}

/** A one-page PDF; `extra` is added to the catalogue dictionary (e.g. an /OpenAction with /JavaScript). */
export function pdf(extra = '', padding = 0): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${extra} >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n%${'x'.repeat(padding)}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  )
}

/** A PDF whose /JavaScript hides in a Flate-compressed object stream. */
export function pdfWithHiddenScript(): Buffer {
  const inner = deflateSync(Buffer.from('4 0 << /S /JavaScript /JS (app.alert(1)) >>', 'latin1'))
  return Buffer.concat([
    Buffer.from(
      '%PDF-1.5\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ' + inner.length + ' >>\nstream\n',
      'latin1',
    ),
    inner,
    Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ])
}

/** The first bytes of an iPhone HEIC photo (an ISO-BMFF 'ftyp' box with brand 'heic'), not decodable here. */
export function heicHeader(): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    Buffer.alloc(64),
  ])
}
