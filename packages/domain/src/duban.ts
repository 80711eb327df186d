import { z } from 'zod'

/**
 * Fixed value lists of 督办 (supervision): responsible units, the items they answer for, supervision
 * orders and their steps. Each list is mirrored by a CHECK constraint in migration 005;
 * packages/db/src/checks.test.ts fails if the two drift.
 */

/** Kinds of responsible unit (责任单位): sub-district office, zone bureau, contractor. */
export const UNIT_KINDS = ['sub_district', 'bureau', 'contractor'] as const
export const UnitKind = z.enum(UNIT_KINDS)
export type UnitKind = z.infer<typeof UnitKind>

/** Programme items a unit can answer for: a road segment, a whole road, a facility. */
export const DUBAN_ENTITIES = ['road_segment', 'road', 'facility'] as const
export const DubanEntity = z.enum(DUBAN_ENTITIES)
export type DubanEntity = z.infer<typeof DubanEntity>

/**
 * States of a supervision order (督办单): issued by a planner, acknowledged by the unit, reported done
 * by the unit, then accepted (closed) or sent back (returned) by the planner.
 */
export const ORDER_STATES = ['issued', 'acknowledged', 'done', 'returned', 'accepted'] as const
export const OrderState = z.enum(ORDER_STATES)
export type OrderState = z.infer<typeof OrderState>

/** What a row of the 督办 log records: an order step, or an edit of an item's units or investment. */
export const DUBAN_ACTIONS = [
  'issue',
  'acknowledge',
  'reply',
  'done',
  'accept',
  'send_back',
  'responsibility',
  'attachment',
  'publish',
  'unpublish',
  'thresholds',
] as const
export const DubanAction = z.enum(DUBAN_ACTIONS)
export type DubanAction = z.infer<typeof DubanAction>

/** File types an attachment may have, told from the content (magic bytes), never from the name. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
export const AttachmentType = z.enum(ATTACHMENT_TYPES)
export type AttachmentType = z.infer<typeof AttachmentType>

/** Order steps, who may take them and the state each leads to from the states it is allowed in. */
export type OrderStep = 'acknowledge' | 'reply' | 'done' | 'accept' | 'send_back'
const STEPS: Record<
  OrderStep,
  { by: 'unit' | 'planner'; from: readonly OrderState[]; to: (s: OrderState) => OrderState }
> = {
  acknowledge: { by: 'unit', from: ['issued'], to: () => 'acknowledged' },
  // A reply keeps the state: the unit reports progress in words and photos as often as it likes.
  reply: { by: 'unit', from: ['issued', 'acknowledged', 'returned'], to: (s) => (s === 'issued' ? 'acknowledged' : s) },
  done: { by: 'unit', from: ['acknowledged', 'returned'], to: () => 'done' },
  accept: { by: 'planner', from: ['done'], to: () => 'accepted' },
  send_back: { by: 'planner', from: ['done'], to: () => 'returned' },
}

export type StepCheck = { ok: true; to: OrderState } | { ok: false; code: 'forbidden' | 'conflict'; message: string }

/** Whether `actor` ('unit' or 'planner') may take `step` on an order in state `from`, and the next state. */
export function checkOrderStep(step: OrderStep, from: OrderState, actor: 'unit' | 'planner'): StepCheck {
  const rule = STEPS[step]
  if (rule.by !== actor)
    return {
      ok: false,
      code: 'forbidden',
      message: `Only the ${rule.by === 'unit' ? 'responsible unit' : 'planner'} can ${step.replace('_', ' ')} an order`,
    }
  if (!rule.from.includes(from))
    return { ok: false, code: 'conflict', message: `An order that is ${from} cannot be ${PAST[step]}` }
  return { ok: true, to: rule.to(from) }
}

const PAST: Record<OrderStep, string> = {
  acknowledge: 'acknowledged',
  reply: 'replied to',
  done: 'marked done',
  accept: 'accepted',
  send_back: 'sent back',
}

/** Open orders still wait on the unit or the planner; only accepted orders are closed. */
export const OPEN_ORDER_STATES: readonly OrderState[] = ['issued', 'acknowledged', 'done', 'returned']

/**
 * An order is overdue when its due date has passed while the unit still owes the work (issued,
 * acknowledged or sent back). A unit that reported done in time is not overdue while the planner reviews.
 */
export function isOrderOverdue(order: { state: OrderState; dueOn: string }, today: string): boolean {
  return (
    (order.state === 'issued' || order.state === 'acknowledged' || order.state === 'returned') && order.dueOn < today
  )
}
