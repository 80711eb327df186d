import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { UnitKind } from './duban.ts'

/** A units CSV that cannot be imported; the message names every bad line. */
export class UnitsCsvError extends Error {}

export const UnitId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'a unit id is 2–64 lower-case letters, digits, - or _')
const Text = (max: number) => z.string().trim().max(max)

/** One unit as an admin enters it or a CSV row gives it. */
export const UnitInput = z.object({
  id: UnitId,
  kind: UnitKind,
  nameZh: Text(100).min(1),
  nameEn: Text(160),
  subDistrict: z
    .string()
    .regex(/^\d{9}$/, 'a sub-district code has 9 digits')
    .nullable(),
  contactName: Text(60).nullable(),
  contactPhone: Text(40).nullable(),
  isSample: z.boolean(),
})
export type UnitInput = z.infer<typeof UnitInput>

/** The CSV columns, in the order the sample file (data/units.sample.csv) uses. */
export const UNIT_CSV_COLUMNS = [
  'id',
  'kind',
  'name_zh',
  'name_en',
  'sub_district',
  'contact_name',
  'contact_phone',
  'is_sample',
] as const

/** Parses the units CSV; every bad line is named, and nothing is stored unless all lines are good. */
export function parseUnitsCsv(text: string): UnitInput[] {
  let records: Record<string, string>[]
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[]
  } catch (err) {
    throw new UnitsCsvError(`The CSV cannot be read: ${(err as Error).message}`)
  }
  const missing = UNIT_CSV_COLUMNS.filter((c) => c !== 'is_sample' && !(records[0] && c in records[0]))
  if (records.length === 0) throw new UnitsCsvError('The CSV has no unit rows')
  if (missing.length > 0) throw new UnitsCsvError(`The CSV lacks the column(s) ${missing.join(', ')}`)
  const problems: string[] = []
  const seen = new Set<string>()
  const rows: UnitInput[] = []
  records.forEach((r, i) => {
    const blank = (v: string | undefined) => (v ? v : null)
    const parsed = UnitInput.safeParse({
      id: r.id,
      kind: r.kind,
      nameZh: r.name_zh,
      nameEn: r.name_en ?? '',
      subDistrict: blank(r.sub_district),
      contactName: blank(r.contact_name),
      contactPhone: blank(r.contact_phone),
      isSample: ['true', '1', 'yes', '是'].includes((r.is_sample ?? '').toLowerCase()),
    })
    const line = i + 2
    if (!parsed.success)
      problems.push(`line ${line}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`)
    else if (seen.has(parsed.data.id)) problems.push(`line ${line}: the id '${parsed.data.id}' appears twice`)
    else {
      seen.add(parsed.data.id)
      rows.push(parsed.data)
    }
  })
  if (problems.length > 0)
    throw new UnitsCsvError(`The CSV has ${problems.length} bad line(s): ${problems.slice(0, 10).join(' | ')}`)
  return rows
}
