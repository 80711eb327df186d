import type { FullEvent } from '@onemap/db/queries/events'
import type { StatusChange } from '@onemap/domain/change-event'
import type { FacilityItemRow, RoadItemRow } from '@onemap/db/queries/progress'
import { addDays } from '@onemap/domain/dates'
import { lateSince } from '@onemap/domain/lateness'
import { facilitySchedule, roadSchedule } from './progress-data.ts'

interface Named {
  nameZh: string
  nameEn: string
  subDistrictCode: string | null
  subDistrictName: string | null
}

/**
 * Finds the current item an event is about. A split parent no longer exists: its name and place are
 * its first part's (`<id>.1`, or a part of that part).
 */
function itemIndex(roads: readonly RoadItemRow[], facilities: readonly FacilityItemRow[]) {
  const byKey = new Map<string, Named>()
  for (const r of roads) byKey.set(`road_segment:${r.id}`, r)
  for (const f of facilities) byKey.set(`facility:${f.id}`, f)
  return (entity: string, id: string): Named | null => {
    let key = `${entity}:${id}`
    for (let depth = 0; depth < 8; depth++) {
      const found = byKey.get(key)
      if (found) return found
      key += '.1'
    }
    return null
  }
}

/** The event rows with the name and sub-district of their item, and for a split the parts it made. */
export function namedChanges<E extends StatusChange | FullEvent>(
  rows: E[],
  roads: readonly RoadItemRow[],
  facilities: readonly FacilityItemRow[],
) {
  const find = itemIndex(roads, facilities)
  return rows.map((e) => {
    const item = find(e.entity, e.entityId)
    return {
      ...e,
      nameZh: item?.nameZh ?? null,
      nameEn: item?.nameEn ?? null,
      subDistrictCode: item?.subDistrictCode ?? null,
      subDistrictName: item?.subDistrictName ?? null,
      parts: e.kind === 'split' ? [`${e.entityId}.1`, `${e.entityId}.2`] : null,
    }
  })
}

const STARTED = new Set(['under_construction', 'started'])
const FINISHED: Record<string, readonly string[]> = {
  road_segment: ['completed'],
  facility: ['completed', 'in_service'],
}
const key = (entity: string, id: string) => `${entity}:${id}`

/**
 * The weekly meeting's figures over its events (already limited to the period): items that
 * started, finished, slipped (suspended or re-planned) and became late on their basis
 * (docs/lateness.md) between `since` and `until`. Each is a sorted list of `entity:id` keys.
 */
export function meetingFigures(
  events: readonly (StatusChange | FullEvent)[],
  items: {
    roads: readonly RoadItemRow[]
    facilities: readonly FacilityItemRow[]
    since: string
    until: string
    deadline: string
  },
) {
  const started = new Set<string>()
  const finished = new Set<string>()
  const slipped = new Set<string>()
  for (const e of events) {
    const k = key(e.entity, e.entityId)
    if (e.from === 'planned' && STARTED.has(e.to)) started.add(k)
    if (FINISHED[e.entity]?.includes(e.to) && !FINISHED[e.entity]?.includes(e.from ?? '')) finished.add(k)
    const replanned = e.from === e.to && e.kind === 'edit' && 'note' in e && (e.note ?? '').startsWith('revised plan')
    if ((e.to === 'suspended' && e.from !== 'suspended') || replanned) slipped.add(k)
  }
  // Became late this week: the day lateness began falls in the period, seen from its last day.
  const becameOverdue = new Set<string>()
  const late = (
    entity: 'road_segment' | 'facility',
    x: RoadItemRow | FacilityItemRow,
    schedule: ReturnType<typeof roadSchedule>,
  ) => {
    if (!x.inProgramme) return
    const since = lateSince(
      { ...schedule, plannedFinish: x.plannedFinish, suspendedSince: x.suspendedSince },
      items.until,
      items.deadline,
    )
    // lateSince is the last day on time (0 days late), so the first late day is the day after; a
    // non-null answer means that day is on or before `until` already.
    if (since !== null && addDays(since, 1) >= items.since) becameOverdue.add(key(entity, x.id))
  }
  for (const r of items.roads) late('road_segment', r, roadSchedule(r))
  for (const f of items.facilities) late('facility', f, facilitySchedule(f))
  const sorted = (s: Set<string>) => [...s].sort()
  return {
    started: sorted(started),
    finished: sorted(finished),
    slipped: sorted(slipped),
    becameOverdue: sorted(becameOverdue),
  }
}
