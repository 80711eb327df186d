import type { Database } from '@onemap/db/database'
import { lastChangeAt } from '@onemap/db/queries/progress'
import { deadlineRevisions } from '@onemap/db/queries/meetings'
import { daysBetween } from '@onemap/domain/dates'
import { scheduleFacts } from '@onemap/domain/item-facts'
import { facilityGoal, roadGoal } from '@onemap/domain/progress'
import { emptyStates, facilitySchedule, loadProgress, type Progress, roadSchedule } from './progress-data.ts'

interface Placed {
  subDistrictCode: string | null
  subDistrictName: string | null
  renewalUnitId: string | null
  renewalUnitName: string | null
}
type PlaceKey = (x: Placed) => [string | null, string | null]

/** Groups items by a place key, keeping the place's display name. */
function groupBy<T extends Placed>(items: T[], key: PlaceKey) {
  const groups = new Map<string | null, { name: string | null; items: T[] }>()
  for (const item of items) {
    const [k, name] = key(item)
    const g = groups.get(k) ?? { name, items: [] }
    g.items.push(item)
    groups.set(k, g)
  }
  return groups
}

/** The revised deadline in force (date and reason), or null while the 2020 deadline stands alone. */
async function revisedDeadline(db: Database, programmeId: string) {
  const latest = (await deadlineRevisions(db, programmeId))[0]
  return latest ? { deadline: latest.deadline, reason: latest.reason, recordedAt: latest.recordedAt } : null
}

/**
 * Both goals now (`progress.summary`): totals, schedule states, per sub-district and renewal unit, days to
 * the deadline; with the item rows it was computed from, for callers that answer about one item.
 * `loaded`: the items already read by the caller for `now`.
 */
export async function progressSummary(db: Database, now: Date, loaded?: Progress) {
  const { programme, roads, facilities, today } = loaded ?? (await loadProgress(db, now))
  const roadStates = emptyStates()
  for (const r of roads)
    if (r.inProgramme) roadStates[scheduleFacts(roadSchedule(r), today, programme.deadline).state] += 1
  const facilityStates = emptyStates()
  for (const f of facilities)
    if (f.inProgramme) facilityStates[scheduleFacts(facilitySchedule(f), today, programme.deadline).state] += 1
  const places = (keyOf: PlaceKey) => {
    const roadGroups = groupBy(roads, keyOf)
    const facilityGroups = groupBy(facilities, keyOf)
    const keys = new Set([...roadGroups.keys(), ...facilityGroups.keys()])
    return [...keys].map((key) => {
      const { byKind: _byKind, ...f } = facilityGoal(facilityGroups.get(key)?.items ?? [])
      return {
        key,
        name: roadGroups.get(key)?.name ?? facilityGroups.get(key)?.name ?? null,
        roads: roadGoal(roadGroups.get(key)?.items ?? []),
        facilities: f,
      }
    })
  }
  const bySubDistrict = places((x) => [x.subDistrictCode, x.subDistrictName]).map(({ key, ...rest }) => ({
    code: key,
    ...rest,
  }))
  const byRenewalUnit = places((x) => [x.renewalUnitId, x.renewalUnitName]).map(({ key, ...rest }) => ({
    id: key,
    ...rest,
  }))
  const summary = {
    asOf: now.toISOString(),
    dataChangedAt: await lastChangeAt(db),
    today,
    // The revised deadline is shown beside the 2020 one; every figure here stays on the original.
    programme: {
      ...programme,
      daysToDeadline: daysBetween(today, programme.deadline),
      revisedDeadline: await revisedDeadline(db, programme.id),
    },
    roads: { ...roadGoal(roads), states: roadStates },
    facilities: { ...facilityGoal(facilities), states: facilityStates },
    bySubDistrict,
    byRenewalUnit,
  }
  return { summary, roads, facilities }
}
