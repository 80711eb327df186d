import { compareRowsBy } from '@onemap/domain/segment-table'
import { z } from 'zod'

/** Sorts rows in place by one key, in the order of compareRowsBy (@onemap/domain/segment-table). */
export function sortRowsBy<R extends { id: string }>(
  rows: R[],
  key: (r: R) => string | number | null,
  dir: 'asc' | 'desc',
): R[] {
  return rows.sort(compareRowsBy(key, dir))
}

/**
 * The input fields every sorted, paged table takes: a sort key from a fixed list, a direction and
 * a 1-based page of bounded size.
 */
export function sortedPageInput<const S extends readonly [string, ...string[]]>(
  sorts: S,
  defaults: { sort: S[number]; pageSize: number; maxPageSize: number },
) {
  return {
    sort: z.enum(sorts).default(defaults.sort),
    dir: z.enum(['asc', 'desc']).default('desc'),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(defaults.maxPageSize).default(defaults.pageSize),
  }
}

/** Rows of one 1-based page. */
export function pageOf<R>(rows: R[], page: number, pageSize: number): R[] {
  const start = (page - 1) * pageSize
  return rows.slice(start, start + pageSize)
}
