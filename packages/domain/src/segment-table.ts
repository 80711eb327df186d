import { type ChangeEvent, segmentState } from './change-event.ts'
import { itemFacts } from './item-facts.ts'
import type { ScheduleState } from './schedule.ts'

/**
 * The planner's segment table (analysis.segments) as both ends see it: its sort keys and row order,
 * and how a page already on screen takes a colleague's change from the live stream without asking
 * again. The server sorts with the same comparator the client re-sorts a page with, so a patched page
 * is the page the next read would return; where that cannot be known here, the patch says so and the
 * client reads the page again.
 */

/** Sort keys; `overdue_days` is kept for old callers and sorts by lateness too (docs/lateness.md). */
export const SEGMENT_SORTS = [
  'lateness',
  'id',
  'name',
  'length',
  'status',
  'planned_start',
  'planned_finish',
  'overdue_days',
  'sub_district',
] as const
export type SegmentSort = (typeof SEGMENT_SORTS)[number]

/** The row fields the table sorts on. */
export interface SortableSegment {
  id: string
  nameZh: string
  lengthM: number
  status: string
  plannedStart: string | null
  plannedFinish: string | null
  lateDays: number | null
  subDistrictCode: string | null
}

export const SEGMENT_SORT_KEY: Record<SegmentSort, (r: SortableSegment) => string | number | null> = {
  lateness: (r) => r.lateDays,
  id: (r) => r.id,
  name: (r) => r.nameZh,
  length: (r) => r.lengthM,
  status: (r) => r.status,
  planned_start: (r) => r.plannedStart,
  planned_finish: (r) => r.plannedFinish,
  overdue_days: (r) => r.lateDays,
  sub_district: (r) => r.subDistrictCode,
}

// Keys a change of status, suspension or revised plan can move; the others are fixed attributes.
const MOVABLE_SORTS: ReadonlySet<SegmentSort> = new Set(['lateness', 'overdue_days', 'status'])

/**
 * Row order by one key: missing values (null) last in either direction, ties broken on id, so that
 * consecutive pages never overlap or skip a row.
 */
export function compareRowsBy<R extends { id: string }>(
  key: (r: R) => string | number | null,
  dir: 'asc' | 'desc',
): (a: R, b: R) => number {
  const sign = dir === 'asc' ? 1 : -1
  return (a, b) => {
    const x = key(a)
    const y = key(b)
    if (x !== y) {
      if (x === null) return 1
      if (y === null) return -1
      return (x < y ? -1 : 1) * sign
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}

/** The table's row fields a change moves (status, dates, suspension, facts), as the server writes them. */
export interface SegmentTableRow extends SortableSegment {
  version: number
  suspendedFrom: string | null
  actualStart: string | null
  actualFinish: string | null
  state: ScheduleState
}

/** A page of the table as analysis.segments answers it. */
export interface SegmentTableView<R extends SegmentTableRow> {
  /** The zone's date the facts were computed on, and the programme deadline they were measured against. */
  today: string
  deadline: string
  /** The newest status event committed when the page was read: every change up to it is in the page. */
  asOfEvent: number
  totals: { segments: number; lengthM: number; completedM: number; completedShare: number }
  /** Every matching id, sorted (for the map). */
  ids: string[]
  page: number
  pageSize: number
  rows: R[]
}

/** What the page was read with (the parts a change can interact with). */
export interface SegmentTableQuery {
  filter: { status?: readonly string[] | undefined }
  schedule?: readonly string[] | undefined
  sort: SegmentSort
  dir: 'asc' | 'desc'
  focusId?: string | undefined
}

const round1 = (m: number) => Math.round(m * 10) / 10

/** Totals of a table from its summed length and completed length (rounded the same way at both ends). */
export function tableTotals(segments: number, lengthM: number, completedM: number): SegmentTableView<never>['totals'] {
  const length = round1(lengthM)
  const completed = round1(completedM)
  return { segments, lengthM: length, completedM: completed, completedShare: length > 0 ? completed / length : 0 }
}

function sortedHas(ids: readonly string[], id: string): boolean {
  let lo = 0
  let hi = ids.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ids[mid]! < id) lo = mid + 1
    else hi = mid
  }
  return ids[lo] === id
}

/**
 * The page `view` (read with `query`) once the change `event` is applied, or null when the page must be
 * read again: the change is not a plain one of a segment (a split, a facility, no item state), it may
 * already be in the page (`asOfEvent`), the day has turned since the read, the item may have joined the
 * selection, or it moves across the page's edges (rows from other pages would be needed). Pure: the
 * caller keeps the view and the query.
 */
export function patchSegmentTable<R extends SegmentTableRow>(
  view: SegmentTableView<R>,
  query: SegmentTableQuery,
  event: ChangeEvent,
  today: string,
): SegmentTableView<R> | null {
  if (event.entity !== 'road_segment' || event.kind === 'split' || !event.item || query.focusId) return null
  const item = segmentState(event.item)
  // Already in the page, or possibly: only changes entered after the read are applied.
  if (event.id <= view.asOfEvent || today !== view.today) return null
  // The item's state was read after a later change of it: that change's own event will follow.
  if (item.status !== event.to) return null

  const facts = itemFacts({ entity: 'road_segment', ...item }, view.today, view.deadline)
  const matches =
    (!query.filter.status || query.filter.status.includes(item.status)) &&
    (!query.schedule || query.schedule.includes(facts.state))
  const wasMember = sortedHas(view.ids, event.entityId)
  let isMember = wasMember
  if (query.filter.status || query.schedule) {
    // Other criteria (place, class, name, dates) do not move with a status, but whether they admit an
    // item outside the selection is not known here.
    if (!wasMember && matches) return null
    isMember = wasMember && matches
  }
  if (!wasMember && !isMember) return view

  const at = view.rows.findIndex((r) => r.id === event.entityId)
  const old = at >= 0 ? view.rows[at]! : null
  const lengthM = old?.lengthM ?? round1(item.lengthM)
  const wasCompleted = (old?.status ?? event.from) === 'completed'
  const nowCompleted = item.status === 'completed'
  const { totals } = view
  const sign = isMember ? 0 : -1
  const next = {
    ...view,
    totals: tableTotals(
      totals.segments + sign,
      totals.lengthM + sign * lengthM,
      totals.completedM - (wasCompleted ? lengthM : 0) + (isMember && nowCompleted ? lengthM : 0),
    ),
    ids: isMember ? view.ids : view.ids.filter((id) => id !== event.entityId),
  }

  const others = at >= 0 ? view.rows.filter((_, i) => i !== at) : view.rows
  const firstPage = view.page === 1
  const lastPage = view.page * view.pageSize >= totals.segments
  if (!isMember) {
    // Leaving: a row on the page or before it pulls the next page's first row in.
    if (at < 0 && firstPage) return next
    return at >= 0 && lastPage ? { ...next, rows: others } : null
  }
  const row = {
    ...(old ?? ({ id: event.entityId } as R)),
    status: item.status,
    version: item.version,
    suspendedFrom: item.suspendedFrom,
    actualStart: item.actualStart,
    actualFinish: item.actualFinish,
    ...facts,
  } as R
  const compare = compareRowsBy<SortableSegment>(SEGMENT_SORT_KEY[query.sort], query.dir)
  if (!MOVABLE_SORTS.has(query.sort)) {
    // Its place in the order is fixed: only its row on this page, if there, changes.
    return at >= 0 ? { ...next, rows: view.rows.map((r, i) => (i === at ? row : r)) } : next
  }
  // Off the page, the row's other sort fields are not known unless the sort is by status or lateness,
  // which the item's state gives.
  const probe: SortableSegment = old ?? {
    id: event.entityId,
    nameZh: '',
    lengthM,
    status: item.status,
    plannedStart: item.plannedStart,
    plannedFinish: item.plannedFinish,
    lateDays: facts.lateDays,
    subDistrictCode: null,
  }
  const key = { ...probe, status: item.status, lateDays: facts.lateDays }
  const first = others[0]
  const last = others[others.length - 1]
  if (!first || !last) return null
  const afterFirst = firstPage || compare(first, key) < 0
  const beforeLast = lastPage || compare(key, last) < 0
  if (at >= 0) {
    // On the page it stays on the page while it sorts between rows of the page.
    if (!afterFirst || !beforeLast) return null
    return { ...next, rows: [...others, row].sort(compare) }
  }
  // Off the page: it was after the first page or before the last one, and stays there.
  if (firstPage && compare(last, key) < 0) return next
  if (lastPage && compare(key, first) < 0) return next
  return null
}
