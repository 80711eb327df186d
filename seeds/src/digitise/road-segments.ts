import type { RoadClass, RoadSegmentStatus } from '@onemap/domain/statuses'
import type { Line } from './geometry.ts'
import { pickWeighted, randomInt, type Random } from './prng.ts'
import { splitAtJunctions } from './road-network.ts'
import type { RoadAxis } from './roads.ts'
import { jitterPlan, makePlan, roadTimeline, type Dates, type RoadOutcome, type Step } from './timeline.ts'

/** Planned build time in days by class: branch roads take months, arterials one to three years. */
const DURATION_DAYS: Record<RoadClass, [number, number]> = {
  branch: [120, 300],
  secondary: [240, 540],
  arterial: [365, 1000],
  expressway: [540, 1000],
}

/** Real programme roads were mostly built; the invented sample branch roads are mostly still to come. */
const OUTCOME_WEIGHTS: Record<'real' | 'sample', Record<RoadOutcome, number>> = {
  real: { completed: 64, resumed_completed: 6, under_construction: 12, planned: 10, suspended: 8 },
  sample: { completed: 15, resumed_completed: 0, under_construction: 30, planned: 45, suspended: 10 },
}

/** The 梧桐街 crossing of the 贾鲁河 lake toward 东风路: the report's flagship link, still being built. */
const FIXED_OUTCOMES: Record<string, RoadOutcome> = { wutong: 'under_construction' }

/** Segments of one road usually share its fate; this is the chance a segment goes its own way. */
const SEGMENT_DEVIATION = 0.3

export interface RoadSegmentRecord {
  id: string
  road: RoadAxis
  line: Line
  in_programme: boolean
  status: RoadSegmentStatus
  dates: Dates
  steps: Step<RoadSegmentStatus>[]
}

const NO_DATES: Dates = { planned_start: null, planned_finish: null, actual_start: null, actual_finish: null }

function midpoint(line: Line) {
  const a = line[0] as [number, number]
  const b = line[line.length - 1] as [number, number]
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as [number, number]
}

/** Splits the network and gives every programme segment a plan, a status today and its history. */
export function roadSegmentRecords(random: Random, roads: RoadAxis[]): RoadSegmentRecord[] {
  const segments = splitAtJunctions(roads)
  const perRoad = new Map<string, { plan: ReturnType<typeof makePlan>; outcome: RoadOutcome }>()
  return segments.map((segment) => {
    const { road } = segment
    const inProgramme =
      road.programme === 'all' || (typeof road.programme === 'function' && road.programme(midpoint(segment.line)))
    if (!inProgramme) {
      // Built before the programme window: context, completed, dates unknown.
      return { ...segment, in_programme: false, status: 'completed', dates: NO_DATES, steps: [] }
    }
    const weights = OUTCOME_WEIGHTS[road.sample ? 'sample' : 'real']
    let shared = perRoad.get(road.id)
    if (!shared) {
      const [min, max] = DURATION_DAYS[road.class]
      shared = {
        plan: makePlan(random, randomInt(random, min, max)),
        outcome: FIXED_OUTCOMES[road.id] ?? pickWeighted(random, weights),
      }
      perRoad.set(road.id, shared)
    }
    const outcome =
      FIXED_OUTCOMES[road.id] ?? (random() < SEGMENT_DEVIATION ? pickWeighted(random, weights) : shared.outcome)
    const timeline = roadTimeline(random, jitterPlan(random, shared.plan, 30), outcome)
    return { ...segment, in_programme: true, status: timeline.status, dates: timeline.dates, steps: timeline.steps }
  })
}
