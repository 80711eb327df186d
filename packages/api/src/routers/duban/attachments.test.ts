import type { TestDatabase } from '@onemap/db/testing'
import { TRPCError } from '@trpc/server'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '../../duban/file-checks.ts'
import { heicHeader, jpegAt, pdf, pdfWithHiddenScript, pngBomb } from '../../testing/duban-files.ts'
import { openDubanFixture } from '../../testing/duban-fixture.ts'
import { callerAs, PLANNER } from '../../testing/fixture.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await openDubanFixture()
})
afterAll(async () => {
  await db.close()
})

const planner = () => callerAs(db, PLANNER).duban.attachments
const upload = (
  bytes: Buffer,
  fileName = 'photo.jpg',
  id = 's1',
  entity: 'road_segment' | 'facility' | 'road' = 'road_segment',
) => planner().upload({ entity, id, fileName, dataBase64: bytes.toString('base64') })
const stored = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')).rows[0]!.n

async function refusal(p: Promise<unknown>): Promise<[string, string]> {
  try {
    await p
    return ['OK', '']
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err
    return [err.code, err.message]
  }
}

describe('attachments: upload → thumbnail → EXIF → public toggle', () => {
  it('stores a photo with a WebP thumbnail, its EXIF time (camera clock read as UTC+8) and GPS, and its distance to the item', async () => {
    // s1 runs along 113.55 E from 34.78 to 34.79 N: this photo was taken 90 m east of it.
    const a = await upload(await jpegAt(113.551, 34.785))
    expect(a).toMatchObject({
      mediaType: 'image/jpeg',
      width: 640,
      height: 480,
      hasThumbnail: true,
      takenAt: '2026-11-20T02:30:00Z',
      gpsFar: false,
    })
    expect(a.gpsLon).toBeCloseTo(113.551, 4)
    expect(a.gpsLat).toBeCloseTo(34.785, 4)
    expect(a.gpsDistanceM).toBeGreaterThan(80)
    expect(a.gpsDistanceM).toBeLessThan(100)
    const thumb = (await db.query<{ t: Buffer }>('SELECT thumbnail AS t FROM attachments WHERE id = $1', [a.id]))
      .rows[0]!.t
    const meta = await sharp(thumb).metadata()
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 480, 360, undefined])
  })

  it('flags a photo whose GPS is far from its item', async () => {
    const far = await upload(await jpegAt(113.6, 34.85))
    expect(far.gpsFar).toBe(true)
    expect(far.gpsDistanceM).toBeGreaterThan(5000)
  })

  it('shows a photo on the public card only while it is marked public', async () => {
    const a = await upload(await jpegAt(113.56, 34.79), 'school.jpg', 'f1', 'facility')
    const pub = () => callerAs(db, null).duban.attachments.publicForItem({ entity: 'facility', id: 'f1' })
    expect(await pub()).toEqual([])
    await planner().setPublic({ id: a.id, isPublic: true })
    expect(await pub()).toEqual([{ id: a.id, thumbUrl: a.thumbUrl, width: 640, height: 480, takenOn: '2026-11-20' }])
    await planner().setPublic({ id: a.id, isPublic: false })
    expect(await pub()).toEqual([])
    const log = (
      await db.query(`SELECT action FROM duban_log WHERE entity = 'facility' AND entity_id = 'f1' ORDER BY id`)
    ).rows.map((r) => r.action)
    expect(log).toEqual(['attachment', 'publish', 'unpublish'])
  })

  it('stores a clean PDF without a thumbnail and never makes it public', async () => {
    const a = await upload(pdf(), 'report.pdf')
    expect(a).toMatchObject({ mediaType: 'application/pdf', hasThumbnail: false, thumbUrl: null })
    expect((await refusal(planner().setPublic({ id: a.id, isPublic: true })))[0]).toBe('BAD_REQUEST')
  })
})

describe('attachments: bad uploads are refused and nothing is stored', () => {
  const cases: [string, () => Promise<[Buffer, string]>, string, RegExp][] = [
    [
      'wrong type (text named .jpg)',
      async () => [Buffer.from('just some text'), 'photo.jpg'],
      'UNSUPPORTED_MEDIA_TYPE',
      /not a JPEG, PNG, WebP or HEIC photo nor a PDF/,
    ],
    ['zero bytes', async () => [Buffer.alloc(0), 'empty.jpg'], 'BAD_REQUEST', /empty \(0 bytes\)/],
    ['oversize', async () => [pdf('', MAX_FILE_BYTES), 'big.pdf'], 'PAYLOAD_TOO_LARGE', /at most 10485760/],
    ['decompression bomb', async () => [await pngBomb(), 'bomb.png'], 'BAD_REQUEST', /100000 × 100000 pixels/],
    [
      'PDF with script',
      async () => [pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'x.pdf'],
      'BAD_REQUEST',
      /active content \(\/JavaScript\)/,
    ],
    [
      'PDF with script in an object stream',
      async () => [pdfWithHiddenScript(), 'y.pdf'],
      'BAD_REQUEST',
      /active content/,
    ],
    [
      'HEIC the image library cannot decode',
      async () => [heicHeader(), 'IMG_0001.HEIC'],
      'UNSUPPORTED_MEDIA_TYPE',
      /HEIC photos cannot be converted/,
    ],
    [
      'file name with a path',
      async () => [await jpegAt(113.55, 34.78), '../../etc/passwd.jpg'],
      'BAD_REQUEST',
      /contains a path/,
    ],
    [
      'file name with a Windows path',
      async () => [await jpegAt(113.55, 34.78), 'C:\\photos\\a.jpg'],
      'BAD_REQUEST',
      /contains a path/,
    ],
    [
      'file name with NUL',
      async () => [await jpegAt(113.55, 34.78), 'a.jpg\u0000.pdf'],
      'BAD_REQUEST',
      /NUL|control character/,
    ],
  ]
  it.each(cases)('%s', async (_name, make, code, message) => {
    const before = await stored()
    const [bytes, fileName] = await make()
    const [got, text] = await refusal(upload(bytes, fileName))
    expect(got).toBe(code)
    expect(text).toMatch(message)
    expect(await stored()).toBe(before)
  })

  it('refuses base64 that is not base64', async () => {
    const [code] = await refusal(
      planner().upload({ entity: 'road_segment', id: 's1', fileName: 'a.jpg', dataBase64: '@@@@' }),
    )
    expect(code).toBe('BAD_REQUEST')
  })

  it('refuses more than the per-item total', async () => {
    // Five PDFs of just under 10 MiB fill the 50 MiB allowance of s4; the sixth does not fit.
    const big = pdf('', MAX_FILE_BYTES - 400)
    for (let i = 0; i < 5; i++) await upload(big, `scan-${i}.pdf`, 's4')
    const before = await stored()
    const [code, text] = await refusal(upload(big, 'scan-5.pdf', 's4'))
    expect(code).toBe('PAYLOAD_TOO_LARGE')
    expect(text).toMatch(/at most 52428800 per item/)
    expect(await stored()).toBe(before)
  })
})
