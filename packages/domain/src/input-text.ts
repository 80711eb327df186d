import { z } from 'zod'

/**
 * Dates anyone may enter or filter by: the zone's records start in the 20th century and no plan
 * reaches past 2100. Wider years (0000, 99999) are typos or probes and would reach PostgreSQL as
 * errors, so they are refused here with the range named.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const

/** A calendar date as YYYY-MM-DD within DATE_RANGE. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a calendar date',
    },
  )
  .refine((s) => s >= DATE_RANGE.min && s <= DATE_RANGE.max, {
    message: `must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`,
  })

/** PostgreSQL text cannot hold NUL; refusing it before SQL keeps it from becoming a database error. */
export const noNul = (s: string): boolean => !s.includes('\0')

/**
 * The path of the first string (value or object key) holding NUL anywhere in a JSON-like input, or
 * undefined. One check for every procedure's input, whatever its schema.
 */
export function findNul(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return noNul(value) ? undefined : path
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], [...path, String(i)])
      if (hit) return hit
    }
    return undefined
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (!noNul(key)) return [...path, key.replaceAll('\0', '\\0')]
      const hit = findNul(inner, [...path, key])
      if (hit) return hit
    }
  }
  return undefined
}
