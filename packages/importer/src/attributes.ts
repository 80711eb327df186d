/**
 * Reading attribute values as planning offices write them: field names in English or Chinese (and cut
 * to 10 characters by the .dbf format), dates as 2022-03-04, 2022/3/4 or dBASE dates, numbers with "米",
 * yes/no as 是/否. Every reader returns a value or a problem text; nothing is silently defaulted.
 */

export type Properties = Record<string, unknown>

/** The problems of one feature's attributes, and the status/class labels it used that we do not know. */
export interface AttributeProblems {
  errors: string[]
  unknownLabels: { field: string; value: string }[]
}

const normaliseKey = (key: string) =>
  key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

/**
 * The value of the first field matching `names` (case-insensitive). A .dbf keeps only the first 10
 * characters of a field name, so "red_line_w" also matches "red_line_width_m".
 */
export function field(props: Properties, names: readonly string[]): { key: string; value: unknown } | undefined {
  const wanted = names.map(normaliseKey)
  for (const [key, value] of Object.entries(props)) {
    const k = normaliseKey(key)
    const hit = wanted.includes(k) || (k.length === 10 && wanted.some((w) => w.length > 10 && w.startsWith(k)))
    if (hit && value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '')) {
      return { key, value }
    }
  }
  return undefined
}

export function text(props: Properties, names: readonly string[]): string | undefined {
  const hit = field(props, names)
  if (!hit) return undefined
  return typeof hit.value === 'string' ? hit.value.trim() : String(hit.value)
}

/** A number, accepting "60", "60m", "60 米"; records a problem for anything else. */
export function number(props: Properties, names: readonly string[], problems: AttributeProblems): number | undefined {
  const hit = field(props, names)
  if (!hit) return undefined
  const n =
    typeof hit.value === 'number'
      ? hit.value
      : Number(
          String(hit.value)
            .trim()
            .replace(/\s*(m|米)$/i, ''),
        )
  if (!Number.isFinite(n)) {
    problems.errors.push(`${hit.key} '${String(hit.value)}' is not a number`)
    return undefined
  }
  return n
}

/** A calendar date as YYYY-MM-DD from ISO text, 2022/3/4, 2022.3.4, 20220304 or a dBASE Date. */
export function date(props: Properties, names: readonly string[], problems: AttributeProblems): string | undefined {
  const hit = field(props, names)
  if (!hit) return undefined
  const v = hit.value
  // dBASE dates arrive as Date at local midnight from `shapefile`; read them back in local time. An
  // empty dBASE date ("00000000") comes out as 1899-11-30: it means no date.
  if (v instanceof Date && v.getFullYear() < 1900) return undefined
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    if (v.getFullYear() > LAST_YEAR) return outOfRange(hit.key, v.getFullYear(), problems)
    return iso(v.getFullYear(), v.getMonth() + 1, v.getDate())
  }
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[T ].*)?$/.exec(String(v).trim())
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (y < FIRST_YEAR || y > LAST_YEAR) return outOfRange(hit.key, y, problems)
    // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999.
    const check = new Date(0)
    check.setUTCFullYear(y, mo - 1, d)
    if (check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) return iso(y, mo, d)
  }
  problems.errors.push(`${hit.key} '${String(v)}' is not a date (write YYYY-MM-DD)`)
  return undefined
}

/** Planning dates of the zone lie in this range; anything outside is a typo (e.g. year 0000 or 2202). */
const FIRST_YEAR = 1900
const LAST_YEAR = 2100

function outOfRange(key: string, year: number, problems: AttributeProblems): undefined {
  problems.errors.push(
    `${key} has the year ${String(year).padStart(4, '0')}; dates must lie in ${FIRST_YEAR}–${LAST_YEAR}`,
  )
  return undefined
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

const TRUE = ['true', 't', 'yes', 'y', '1', '是', '真']
const FALSE = ['false', 'f', 'no', 'n', '0', '否', '假']

export function boolean(props: Properties, names: readonly string[], problems: AttributeProblems): boolean | undefined {
  const hit = field(props, names)
  if (!hit) return undefined
  if (typeof hit.value === 'boolean') return hit.value
  const t = String(hit.value).trim().toLowerCase()
  if (TRUE.includes(t)) return true
  if (FALSE.includes(t)) return false
  problems.errors.push(`${hit.key} '${String(hit.value)}' is not yes/no (是/否, true/false, 1/0)`)
  return undefined
}

/**
 * One of a fixed list of values, given as the English value ("under_construction", "Under construction"),
 * its Chinese label, or a common synonym. Unknown labels are listed in the report.
 */
export function label<T extends string>(
  props: Properties,
  names: readonly string[],
  what: string,
  known: { values: readonly T[]; zh: Record<T, string>; synonyms: Record<string, T> },
  problems: AttributeProblems,
): T | undefined {
  const hit = field(props, names)
  if (!hit) return undefined
  const raw = String(hit.value).trim()
  const key = normaliseKey(raw)
  const found =
    known.values.find((v) => v === key) ??
    known.values.find((v) => known.zh[v] === raw) ??
    // Own keys only: a label such as 'constructor' must not find Object.prototype's.
    (Object.hasOwn(known.synonyms, raw) ? known.synonyms[raw] : undefined) ??
    (Object.hasOwn(known.synonyms, key) ? known.synonyms[key] : undefined)
  if (found) return found
  problems.unknownLabels.push({ field: what, value: raw })
  const accepted = known.values.map((v) => `${known.zh[v]}/${v}`).join(', ')
  problems.errors.push(`unknown ${what} '${raw}' in ${hit.key} (known: ${accepted})`)
  return undefined
}
