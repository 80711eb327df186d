import type { FeatureNote, ImportLayer } from '@onemap/db/queries/import'
import type { SourceCrs } from '@onemap/geo/crs'

/** What an import did or would do; printed by the CLI and returned to tests. */
export interface ImportReport {
  file: string
  layer: ImportLayer
  format: 'geojson' | 'shapefile' | 'csv'
  crs: SourceCrs | 'unknown'
  /** Where the CRS came from: --crs, the file (.prj, "crs" member), or the default. */
  crsFrom: string
  mode: 'upsert' | 'replace'
  dryRun: boolean
  /** True when the changes are in the database; false after a dry run or any rejection. */
  committed: boolean
  read: number
  inserted: number
  updated: number
  deleted: number
  kept: number
  events: number
  roads?: { inserted: number; updated: number; deleted: number }
  /** Rejected features with the reason each (the first 1000); rejectedCount counts all. */
  rejected: FeatureNote[]
  rejectedCount: number
  /** Invalid geometries that ST_MakeValid repaired (imported, but worth a look). */
  repaired: FeatureNote[]
  unknownLabels: { field: string; value: string; count: number }[]
  /** Likely causes behind rejections (e.g. metres without a CRS), with how many features each explains. */
  hints: { hint: string; count: number }[]
  /** A reason that refuses the whole file rather than single features. */
  problem?: string
  notes: string[]
  countUnknownLabel(field: string, value: string): void
  countHint(hint: string): void
}

export function emptyReport(
  file: string,
  layer: ImportLayer,
  format: ImportReport['format'],
  mode: ImportReport['mode'],
  dryRun: boolean,
): ImportReport {
  const bump = <T extends { count: number }>(list: T[], match: (x: T) => boolean, make: () => T) => {
    const found = list.find(match)
    if (found) found.count++
    else list.push(make())
  }
  const report: ImportReport = {
    file,
    layer,
    format,
    crs: 'unknown',
    crsFrom: '',
    mode,
    dryRun,
    committed: false,
    read: 0,
    inserted: 0,
    updated: 0,
    deleted: 0,
    kept: 0,
    events: 0,
    rejected: [],
    rejectedCount: 0,
    repaired: [],
    unknownLabels: [],
    hints: [],
    notes: [],
    countUnknownLabel: (field, value) =>
      bump(
        report.unknownLabels,
        (u) => u.field === field && u.value === value,
        () => ({ field, value, count: 1 }),
      ),
    countHint: (hint) =>
      bump(
        report.hints,
        (h) => h.hint === hint,
        () => ({ hint, count: 1 }),
      ),
  }
  return report
}

/** Rejections of one import, kept to the first 1000 so a wholly wrong 200 MB file cannot fill memory. */
export class RejectionLog {
  readonly list: FeatureNote[] = []
  count = 0
  add(note: FeatureNote) {
    this.count++
    if (this.list.length < 1000) this.list.push(note)
  }
}

/** The report as lines for a terminal; `limit` caps the per-feature lists. */
export function formatReport(r: ImportReport, limit = 20): string[] {
  const lines: string[] = []
  const verdict = r.committed
    ? 'imported'
    : r.dryRun && r.rejectedCount === 0 && !r.problem
      ? 'dry run: checked, nothing written'
      : 'REFUSED: nothing written'
  lines.push(`${r.file} → ${r.layer} (${r.format}, ${r.crs} from ${r.crsFrom}, mode ${r.mode}): ${verdict}`)
  lines.push(
    `  read ${r.read}, inserted ${r.inserted}, updated ${r.updated}, ${r.mode === 'replace' ? `deleted ${r.deleted}` : `kept ${r.kept} not in the file`}, rejected ${r.rejectedCount}`,
  )
  if (r.roads)
    lines.push(`  roads: inserted ${r.roads.inserted}, updated ${r.roads.updated}, deleted ${r.roads.deleted}`)
  if (r.events) lines.push(`  status events recorded: ${r.events}`)
  if (r.problem) lines.push(`  problem: ${r.problem}`)
  for (const h of r.hints) lines.push(`  likely cause (${h.count} feature${h.count === 1 ? '' : 's'}): ${h.hint}`)
  if (r.unknownLabels.length) {
    lines.push(`  unknown labels: ${r.unknownLabels.map((u) => `${u.field} '${u.value}' ×${u.count}`).join(', ')}`)
  }
  const list = (title: string, notes: FeatureNote[], total: number) => {
    if (total === 0) return
    lines.push(`  ${title} (${total}):`)
    for (const n of notes.slice(0, limit)) lines.push(`    ${n.where}${n.id ? ` [id ${n.id}]` : ''}: ${n.reason}`)
    if (total > limit) lines.push(`    … and ${total - limit} more`)
  }
  list('rejected', r.rejected, r.rejectedCount)
  list('repaired', r.repaired, r.repaired.length)
  for (const note of r.notes) lines.push(`  note: ${note}`)
  return lines
}
