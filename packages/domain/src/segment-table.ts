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
  nameEn: string
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
  /**
   * The rows that follow the page (at most SPARE_ROWS): when a row leaves the page, the next one moves up
   * into it without a read.
   */
  after: R[]
}

/** Rows analysis.segments sends beyond the page, for the page to follow rows that leave it. */
export const SPARE_ROWS = 5

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
 * read again. The page and its spare rows are a run of the sorted selection starting at the page's first
 * rank; the change removes the item from where it was and puts it where its new state sorts, and the page
 * is what then fills those ranks. Null when that is not known here: the change is not a plain one of a
 * segment (a split, a facility, no item state), it may already be in the page (`asOfEvent`), the day has
 * turned since the read, the item may have joined the selection, it sorts before the page where the row
 * now first would be unknown, or it enters the run and its row (`known`: the item's row as last read, for
 * its fixed fields) is not at hand, or too few rows are left to fill the page. Pure.
 */
export function patchSegmentTable<R extends SegmentTableRow>(
  view: SegmentTableView<R>,
  query: SegmentTableQuery,
  event: ChangeEvent,
  today: string,
  known?: R,
): SegmentTableView<R> | null {
  if (event.entity !== 'road_segment' || event.kind === 'split' || !event.item || query.focusId) return null
  // Already in the page, or possibly: only changes entered after the read are applied.
  if (event.id <= view.asOfEvent || today !== view.today) return null
  const item = segmentState(event.item)
  // The item's state was read after a later change of it: that change's own event will follow.
  if (item.status !== event.to) return null

  const id = event.entityId
  const facts = itemFacts({ entity: 'road_segment', ...item }, view.today, view.deadline)
  const matches =
    (!query.filter.status || query.filter.status.includes(item.status)) &&
    (!query.schedule || query.schedule.includes(facts.state))
  const wasMember = sortedHas(view.ids, id)
  let isMember = wasMember
  if (query.filter.status || query.schedule) {
    // Other criteria (place, class, name, dates) do not move with a status, but whether they admit an
    // item outside the selection is not known here.
    if (!wasMember && matches) return null
    isMember = wasMember && matches
  }
  if (!wasMember && !isMember) return view

  const run = [...view.rows, ...view.after]
  const start = (view.page - 1) * view.pageSize
  const reachesEnd = start + run.length >= view.totals.segments
  const at = run.findIndex((r) => r.id === id)
  // Where the item was: in the run, or before or after it (known when the run starts or ends the list).
  let wasBefore = false
  if (at < 0) {
    if (start > 0 && reachesEnd) wasBefore = true
    else if (start > 0 || reachesEnd) return null
  }
  const old = at >= 0 ? run[at]! : known?.id === id ? known : undefined
  const lengthM = old?.lengthM ?? round1(item.lengthM)
  const wasCompleted = (at >= 0 ? run[at]!.status : event.from) === 'completed'
  const stays = isMember ? 0 : -1
  const totals = tableTotals(
    view.totals.segments + stays,
    view.totals.lengthM + stays * lengthM,
    view.totals.completedM - (wasCompleted ? lengthM : 0) + (isMember && item.status === 'completed' ? lengthM : 0),
  )

  const row =
    old &&
    ({
      ...old,
      nameZh: event.nameZh ?? old.nameZh,
      nameEn: event.nameEn ?? old.nameEn,
      status: item.status,
      version: item.version,
      suspendedFrom: item.suspendedFrom,
      actualStart: item.actualStart,
      actualFinish: item.actualFinish,
      ...facts,
    } as R)
  const rest = at >= 0 ? run.filter((_, i) => i !== at) : run
  const compare = compareRowsBy<SortableSegment>(SEGMENT_SORT_KEY[query.sort], query.dir)
  let nowBefore = false
  let list = rest
  if (isMember && !MOVABLE_SORTS.has(query.sort)) {
    // Its place in the order is fixed: only its row, if in the run, changes.
    nowBefore = wasBefore
    list = at >= 0 ? run.map((r, i) => (i === at ? row! : r)) : run
  } else if (isMember) {
    // A status or lateness sort: the item's new key is known from its state alone.
    const key: SortableSegment = {
      id,
      nameZh: '',
      nameEn: '',
      lengthM,
      status: item.status,
      plannedStart: item.plannedStart,
      plannedFinish: item.plannedFinish,
      lateDays: facts.lateDays,
      subDistrictCode: null,
    }
    const first = rest[0]
    const last = rest[rest.length - 1]
    if (start > 0 && (!first || compare(key, first) < 0)) nowBefore = true
    else if (reachesEnd || (last && compare(key, last) < 0)) {
      if (!row) return null
      const i = rest.findIndex((r) => compare(row, r) < 0)
      list = i < 0 ? [...rest, row] : [...rest.slice(0, i), row, ...rest.slice(i)]
    }
    // else: it sorts after the run, and the run is the rest.
  }
  // Rows before the page's first rank went from `start` to start - wasBefore + nowBefore.
  const shift = Number(wasBefore) - Number(nowBefore)
  if (shift < 0) return null
  const next = list.slice(shift)
  const needed = Math.min(view.pageSize, Math.max(0, totals.segments - start))
  if (next.length < needed) return null
  return {
    ...view,
    totals,
    ids: isMember ? view.ids : view.ids.filter((x) => x !== id),
    rows: next.slice(0, view.pageSize),
    after: next.slice(view.pageSize, view.pageSize + SPARE_ROWS),
  }
}
