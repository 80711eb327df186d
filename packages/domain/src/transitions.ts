import type { EventEntity, Role } from './statuses.ts'

/**
 * Legal status changes. Each entity moves forward one step at a time along its chain; any open
 * (not yet final) state may be suspended, and a suspended item resumes to the state it left or the
 * step after it. Every other move goes backwards and is an admin correction with a written reason.
 */
export const STATUS_CHAINS = {
  road_segment: ['planned', 'under_construction', 'completed'],
  facility: ['planned', 'started', 'completed', 'in_service'],
} as const satisfies Record<EventEntity, readonly string[]>

export const SUSPENDED = 'suspended'

export type TransitionKind = 'edit' | 'correction'

export interface TransitionRequest {
  entity: EventEntity
  from: string
  to: string
  role: Role
  /** The state held before the current suspension; needed only when `from` is 'suspended'. */
  suspendedFrom?: string | null | undefined
  /** Free-text reason; required for a correction. */
  reason?: string | null | undefined
}

export type TransitionResult =
  | { ok: true; kind: TransitionKind }
  | { ok: false; code: 'same_status' | 'unknown_status' | 'not_allowed' | 'reason_required'; message: string }

function chain(entity: EventEntity): readonly string[] {
  return STATUS_CHAINS[entity]
}

/** Whether `status` is a valid status of `entity` (the chain plus 'suspended'). */
export function isStatusOf(entity: EventEntity, status: string): boolean {
  return status === SUSPENDED || chain(entity).includes(status)
}

/** The final state of the chain (road completed, facility in service): it cannot be suspended. */
export function isFinal(entity: EventEntity, status: string): boolean {
  const c = chain(entity)
  return c[c.length - 1] === status
}

/** Forward moves a planner may make from `from` (without corrections). */
export function forwardTargets(entity: EventEntity, from: string, suspendedFrom?: string | null): string[] {
  const c = chain(entity)
  if (from === SUSPENDED) {
    const base = c.indexOf(suspendedFrom ?? c[0]!)
    return c.slice(Math.max(base, 0), Math.max(base, 0) + 2)
  }
  const i = c.indexOf(from)
  if (i < 0 || isFinal(entity, from)) return []
  return [c[i + 1]!, SUSPENDED]
}

/** Decides whether a status change is an ordinary edit, an admin correction, or refused. */
export function checkTransition(req: TransitionRequest): TransitionResult {
  const { entity, from, to } = req
  if (!isStatusOf(entity, to)) {
    return { ok: false, code: 'unknown_status', message: `'${to}' is not a status of a ${entity}` }
  }
  if (from === to) return { ok: false, code: 'same_status', message: `The ${entity} is already '${to}'` }
  if (forwardTargets(entity, from, req.suspendedFrom).includes(to)) return { ok: true, kind: 'edit' }
  // Anything else rewinds or skips the recorded history: only an admin may, and must say why.
  if (req.role !== 'admin') {
    return {
      ok: false,
      code: 'not_allowed',
      message: `A ${entity} cannot go from '${from}' to '${to}'; only an admin correction can do that`,
    }
  }
  if (!req.reason || req.reason.trim().length < 3) {
    return { ok: false, code: 'reason_required', message: `A correction from '${from}' to '${to}' needs a reason` }
  }
  return { ok: true, kind: 'correction' }
}

/** Whether the item has begun construction in `status` (for the facilities goal: started or later). */
export function hasStarted(entity: EventEntity, status: string, suspendedFrom?: string | null): boolean {
  const s = status === SUSPENDED ? (suspendedFrom ?? 'planned') : status
  return chain(entity).indexOf(s) >= 1
}

export interface ActualDates {
  actualStart: string | null
  actualFinish: string | null
}

/**
 * The actual start and finish after moving to `to` on `at` (ISO date). Reaching a state sets its date
 * if unset; going back to a state clears the dates of the states after it; suspending keeps both.
 */
export function actualDatesAfter(entity: EventEntity, to: string, at: string, current: ActualDates): ActualDates {
  if (to === SUSPENDED) return current
  const step = chain(entity).indexOf(to)
  // Index 1 is the start (under construction / started); index 2 is completion.
  return {
    actualStart: step >= 1 ? (current.actualStart ?? at) : null,
    actualFinish: step >= 2 ? (current.actualFinish ?? at) : null,
  }
}
