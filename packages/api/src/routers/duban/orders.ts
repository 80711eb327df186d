import { listOrderAttachments } from '@onemap/db/queries/duban/attachments'
import { dubanLogAfter, insertDubanLog, latestDubanLogId, orderLog } from '@onemap/db/queries/duban/log'
import { insertOrder, listOrders, moveOrder, readOrder } from '@onemap/db/queries/duban/orders'
import { existingUnits } from '@onemap/db/queries/duban/units'
import { daysBetween, zoneToday } from '@onemap/domain/dates'
import { checkOrderStep, isOrderOverdue, OrderState } from '@onemap/domain/duban'
import { TRPCError, tracked } from '@trpc/server'
import { z } from 'zod'
import { describeAttachment } from '../../duban/attachment-view.ts'
import { queuedSubscription } from '../../channel-hub.ts'
import { dubanHubFor, type DubanEvent } from '../../duban/duban-hub.ts'
import { type DubanScope, dubanProcedure, requirePlanner, requireSameUnit } from '../../duban/scope.ts'
import { router } from '../../trpc.ts'
import { ItemRef, requireItem } from './items.ts'

const OrderId = z.number().int().positive()
const Note = z.string().trim().max(4000)

/** The order, or 404; a unit account asking for another unit's order gets 403. */
async function requireOrder(db: Parameters<typeof readOrder>[0], scope: DubanScope, id: number) {
  const order = await readOrder(db, id)
  if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: `No supervision order with id ${id}` })
  requireSameUnit(scope, order.unitId, `Order ${id}`)
  return order
}

/** The order as its reader sees it: the due timer (days left, negative when past) and overdue flag on today's date. */
const withOverdue = <T extends { state: OrderState; dueOn: string }>(o: T, today: string) => ({
  ...o,
  daysLeft: daysBetween(today, o.dueOn),
  overdue: isOrderOverdue(o, today),
})

export const ordersRouter = router({
  /** Issues an order on one or several items to one unit (planners). */
  issue: dubanProcedure
    .input(
      z.object({
        items: z.array(ItemRef).min(1).max(50),
        unitId: z.string().min(1).max(64),
        request: Note.min(1),
        dueOn: z.iso.date(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const scope = requirePlanner(ctx.scope)
      const today = zoneToday(ctx.now())
      if (input.dueOn < today)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `The due date ${input.dueOn} is in the past (today is ${today})`,
        })
      if (!(await existingUnits(ctx.db, [input.unitId])).has(input.unitId))
        throw new TRPCError({ code: 'NOT_FOUND', message: `No unit with id '${input.unitId}'` })
      const items = [...new Map(input.items.map((i) => [`${i.entity}:${i.id}`, i])).values()]
      return ctx.db.transaction(async (client) => {
        for (const i of items) await requireItem(client, i.entity, i.id)
        const id = await insertOrder(client, {
          unitId: input.unitId,
          request: input.request,
          dueOn: input.dueOn,
          issuedBy: scope.user.name,
          items,
        })
        await insertDubanLog(client, {
          action: 'issue',
          orderId: id,
          unitId: input.unitId,
          entity: null,
          entityId: null,
          from: null,
          to: 'issued',
          actor: scope.user.name,
          note: `→ ${input.dueOn}`,
        })
        return { id, state: 'issued' as const, version: 1 }
      })
    }),

  /** Orders, newest first: every unit's for the office, only its own for a unit account. */
  list: dubanProcedure
    .input(
      z
        .object({
          states: z.array(OrderState).max(5).optional(),
          item: ItemRef.optional(),
          unitId: z.string().max(64).optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      if (input?.unitId) requireSameUnit(ctx.scope, input.unitId, `Unit '${input.unitId}'`)
      const unitId = ctx.scope.kind === 'unit' ? ctx.scope.unitId : (input?.unitId ?? null)
      const today = zoneToday(ctx.now())
      const rows = await listOrders(ctx.db, {
        unitId,
        ...(input?.states ? { states: input.states } : {}),
        ...(input?.item ? { item: input.item } : {}),
      })
      return rows.map((o) => withOverdue(o, today))
    }),

  /** One order with every step of its log and its attachments. */
  get: dubanProcedure.input(z.object({ id: OrderId })).query(async ({ ctx, input }) => {
    const order = await requireOrder(ctx.db, ctx.scope, input.id)
    const [log, attachments] = await Promise.all([orderLog(ctx.db, input.id), listOrderAttachments(ctx.db, input.id)])
    return { order: withOverdue(order, zoneToday(ctx.now())), log, attachments: attachments.map(describeAttachment) }
  }),

  /**
   * One step: the unit acknowledges, replies (text; attachments are uploaded with the order's id) or marks
   * done; the planner accepts or sends back. Versioned: a step on a stale view is a CONFLICT.
   */
  step: dubanProcedure
    .input(
      z.object({
        id: OrderId,
        expectedVersion: z.number().int().positive(),
        step: z.enum(['acknowledge', 'reply', 'done', 'accept', 'send_back']),
        note: Note.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.step === 'reply' && !input.note)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'A reply needs its text' })
      if (input.step === 'send_back' && !input.note)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Say why the order is sent back' })
      const scope = ctx.scope
      return ctx.db.transaction(async (client) => {
        const order = await requireOrder(client, scope, input.id)
        if (scope.kind === 'office') requirePlanner(scope)
        const check = checkOrderStep(input.step, order.state, scope.kind === 'unit' ? 'unit' : 'planner')
        if (!check.ok)
          throw new TRPCError({
            code: check.code === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT',
            message: `Order ${input.id}: ${check.message}`,
          })
        if (order.version !== input.expectedVersion) {
          throw new TRPCError({
            code: 'CONFLICT',
            message: `Order ${input.id} changed since you read it (now ${order.state}, version ${order.version}); reload`,
          })
        }
        const version = await moveOrder(client, input.id, input.expectedVersion, order.state, check.to)
        if (version === null)
          throw new TRPCError({ code: 'CONFLICT', message: `Order ${input.id} changed since you read it; reload` })
        const logId = await insertDubanLog(client, {
          action: input.step,
          orderId: input.id,
          unitId: order.unitId,
          entity: null,
          entityId: null,
          from: order.state,
          to: check.to,
          actor: scope.user.name,
          note: input.note ?? null,
        })
        return { id: input.id, state: check.to, version, logId }
      })
    }),

  /**
   * 督办 changes as they commit, tracked by log id so a reconnecting client resumes: every unit's for
   * the office, only its own unit's for a unit account. Ids and states only (the wall uses alarms).
   */
  events: dubanProcedure
    .input(
      z
        .object({
          lastEventId: z
            .string()
            .regex(/^\d{1,18}$/)
            .nullish(),
        })
        .optional(),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const only = ctx.scope.kind === 'unit' ? ctx.scope.unitId : null
      const sub = await queuedSubscription(dubanHubFor(ctx.db), signal)
      try {
        let last = input?.lastEventId ? Number(input.lastEventId) : await latestDubanLogId(ctx.db)
        const sent = new Set<number>()
        const visible = (e: DubanEvent) => only === null || e.unitId === only
        async function* catchUp() {
          for (const { recordedAt: _r, actor: _a, note: _n, ...row } of await dubanLogAfter(ctx.db, last, 500, only)) {
            if (sent.has(row.id)) continue
            sent.add(row.id)
            last = Math.max(last, row.id)
            yield tracked(String(row.id), row satisfies DubanEvent)
          }
        }
        if (input?.lastEventId) yield* catchUp()
        for (let s = await sub.next(); s; s = await sub.next()) {
          if (s.type === 'gap') yield* catchUp()
          else if (visible(s.event) && !sent.has(s.event.id)) {
            sent.add(s.event.id)
            last = Math.max(last, s.event.id)
            yield tracked(String(s.event.id), s.event)
          }
        }
      } finally {
        sub.unsubscribe()
      }
    }),
})
