import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'

export type ContentCoding = 'br' | 'gzip' | 'identity'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

/**
 * The coding to answer with, by the q-values of Accept-Encoding (RFC 9110 §12.5.3): the highest
 * q above 0 wins, brotli before gzip before identity on a tie. `gzip;q=0` refuses gzip; identity
 * is acceptable unless refused by `identity;q=0` or `*;q=0`. Null: nothing acceptable (406).
 */
export function negotiateCoding(header: string | undefined): ContentCoding | null {
  if (!header?.trim()) return 'identity'
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    if (name && Number.isFinite(value)) q.set(name.trim(), Math.min(1, Math.max(0, value)))
  }
  const star = q.get('*')
  // Unlisted identity stays acceptable but below any coding the client named.
  const weight = (coding: ContentCoding) => q.get(coding) ?? (coding === 'identity' ? (star ?? 0.001) : (star ?? 0))
  let best: ContentCoding | null = null
  for (const coding of ['br', 'gzip', 'identity'] as const) {
    const w = weight(coding)
    if (w > 0 && (best === null || w > weight(best))) best = coding
  }
  return best
}

/** Below this many bytes a tile is compressed in place: the hop to zlib's thread pool costs more. */
const SYNC_BELOW = 16 * 1024

/**
 * gzip levels: `fast` (1) for an answer that waits on it, `small` (6, zlib's default) for the form a
 * cache keeps. Measured on the 100k city's busiest tiles (CPU per call, bench/README.md issue 19 late
 * evening): z14 163 kB, level 1 0.31–0.37 ms / 35.0 kB, level 4 0.75–0.81 ms / 34.3 kB, level 6
 * 1.32–1.35 ms / 31.3 kB; z12 398 kB, level 1 1.19 ms / 84.6 kB, level 4 2.10 ms / 80.2 kB.
 */
const GZIP_LEVEL = { fast: 1, small: 6 } as const
export type Effort = keyof typeof GZIP_LEVEL

/**
 * Compresses a tile: off the event loop (zlib's thread pool) from SYNC_BELOW bytes up, in place
 * below. Brotli quality 5 either way: smaller than gzip at a similar cost.
 */
export async function encode(
  raw: Buffer,
  coding: Exclude<ContentCoding, 'identity'>,
  effort: Effort = 'small',
): Promise<Buffer> {
  const brotli = { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }
  const gz = { level: GZIP_LEVEL[effort] }
  if (raw.length < SYNC_BELOW) return coding === 'gzip' ? gzipSync(raw, gz) : brotliCompressSync(raw, brotli)
  return coding === 'gzip' ? gzipAsync(raw, gz) : brotliAsync(raw, brotli)
}
