/** Calendar dates as ISO 'YYYY-MM-DD' strings, computed in UTC so no time zone shifts a day. */

const DAY_MS = 86_400_000

function toUtc(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(t)) throw new RangeError(`Not a date: '${date}'`)
  return t
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS)
}

/** `date` moved by `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The first day of each month from the month of `start` through the month of `end`. */
export function monthStarts(start: string, end: string): string[] {
  const out: string[] = []
  let y = Number(start.slice(0, 4))
  let m = Number(start.slice(5, 7))
  const endKey = end.slice(0, 7)
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    if (key > endKey) break
    out.push(`${key}-01`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/** The last day of the month that `date` falls in. */
export function monthEnd(date: string): string {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/** ISO date of a JS Date in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** The zone's calendar date at `now`: China Standard Time is UTC+8 all year (no daylight saving). */
export function zoneToday(now: Date): string {
  return isoDay(new Date(now.getTime() + 8 * 3_600_000))
}
