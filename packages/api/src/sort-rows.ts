/**
 * Sorts rows in place by one key: missing values (null) last in either direction, ties broken on
 * id so that consecutive pages never overlap or skip a row.
 */
export function sortRowsBy<R extends { id: string }>(rows: R[], key: (r: R) => string | number | null, dir: 'asc' | 'desc'): R[] {
  const sign = dir === 'asc' ? 1 : -1
  return rows.sort((a, b) => {
    const x = key(a)
    const y = key(b)
    if (x !== y) {
      if (x === null) return 1
      if (y === null) return -1
      return (x < y ? -1 : 1) * sign
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}
