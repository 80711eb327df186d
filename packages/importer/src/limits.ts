import { z } from 'zod'

/**
 * Bounds on what one import may make the server do. A zipped .dbf of a few kB can declare gigabytes
 * (a zip bomb), one feature can carry millions of vertices, an attribute can be megabytes: each is refused
 * with a message naming the member, feature and limit, before it costs memory, disk or database work.
 */
export const ImportLimits = z.object({
  /** Uncompressed bytes of one zip member (.shp, .dbf …). */
  memberBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 2 ** 20),
  /** Uncompressed bytes of all members unpacked from one zip. */
  totalBytes: z
    .number()
    .int()
    .positive()
    .default(512 * 2 ** 20),
  /** Positions of one feature's geometry (all parts and rings). */
  vertices: z.number().int().positive().default(250_000),
  /** Characters of one attribute value. */
  attributeChars: z.number().int().positive().default(10_000),
})
export type ImportLimits = z.infer<typeof ImportLimits>

const MB = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`
export const formatBytes = MB

/** Positions in a GeoJSON-like geometry, counted without building anything; stops past `max`. */
export function countVertices(geometry: unknown, max: number): number {
  const coords = (geometry as { coordinates?: unknown } | null)?.coordinates
  let n = 0
  const walk = (v: unknown): void => {
    if (n > max || !Array.isArray(v)) return
    if (typeof v[0] === 'number') {
      n++
      return
    }
    for (const item of v) walk(item)
  }
  walk(coords)
  return n
}

/**
 * The first attribute that cannot be stored as it is: a NUL character (PostgreSQL text cannot hold it),
 * or a value longer than the limit. Keys are checked too.
 */
export function attributeProblem(properties: Record<string, unknown>, maxChars: number): string | undefined {
  for (const [key, value] of Object.entries(properties)) {
    if (key.includes('\u0000')) return `an attribute name contains a NUL character`
    if (typeof value !== 'string') continue
    if (value.includes('\u0000')) return `attribute ${key} contains a NUL character (\\u0000), which cannot be stored`
    if (value.length > maxChars)
      return `attribute ${key} is ${value.length} characters long; at most ${maxChars} are accepted`
  }
  return undefined
}
