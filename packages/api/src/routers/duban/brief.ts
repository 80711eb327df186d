import { briefGeometry, subDistrictName } from '@onemap/db/queries/duban/brief'
import { changesSince } from '@onemap/db/queries/events'
import { lastChangeAt } from '@onemap/db/queries/progress'
import { listOrders } from '@onemap/db/queries/duban/orders'
import { listUnits } from '@onemap/db/queries/duban/units'
import { loadInvestments } from '@onemap/db/queries/duban/responsibility'
import { daysBetween } from '@onemap/domain/dates'
import { isOrderOverdue, OPEN_ORDER_STATES } from '@onemap/domain/duban'
import { facilityGoal, roadGoal } from '@onemap/domain/progress'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { computeCards } from '../../duban/cards-data.ts'
import { dubanProcedure, requireOffice } from '../../duban/scope.ts'
import { loadProgress } from '../../progress-data.ts'
import { router } from '../../trpc.ts'

/**
 * Everything the weekly meeting brief (周例会材料) shows for an area since the last meeting: KPIs against
 * the goals, changes since, red/yellow items with their units and open orders, investment, the map's
 * geometry and the 数据截至 stamp. The page itself is rendered by the server (apps/server/src/brief).
 */
export const briefRouter = router({
  data: dubanProcedure
    .input(
      z.object({
        since: z.iso.date(),
        area: z
          .string()
          .regex(/^\d{9}$/, 'an area is a 9-digit sub-district code')
          .optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      requireOffice(ctx.scope)
      const area = input.area ?? null
      const areaName = area ? await subDistrictName(ctx.db, area) : null
      if (area && !areaName) throw new TRPCError({ code: 'NOT_FOUND', message: `No sub-district with code '${area}'` })
      const { programme, roads, facilities, today } = await loadProgress(ctx.db, ctx.now())
      if (input.since > today)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `The last meeting ${input.since} is after today (${today})`,
        })
      const inArea = (x: { subDistrictCode: string | null }) => area === null || x.subDistrictCode === area
      const [cards, units, open, changes, investments, geometry, dataChangedAt] = await Promise.all([
        computeCards(ctx.db, ctx.now()),
        listUnits(ctx.db),
        listOrders(ctx.db, { states: OPEN_ORDER_STATES }),
        changesSince(ctx.db, input.since, { includePrivate: true, limit: 500 }),
        loadInvestments(ctx.db),
        briefGeometry(ctx.db, area),
        lastChangeAt(ctx.db),
      ])
      const unitName = new Map(units.map((u) => [u.id, { nameZh: u.nameZh, nameEn: u.nameEn }]))
      const itemsHere = new Map(cards.items.filter(inArea).map((i) => [`${i.entity}:${i.id}`, i]))
      const roadsHere = new Set(
        cards.items
          .filter(inArea)
          .map((i) => i.roadId)
          .filter((r): r is string => r !== null),
      )
      const orderHere = (o: (typeof open)[number]) =>
        o.items.some((i) => itemsHere.has(`${i.entity}:${i.id}`) || (i.entity === 'road' && roadsHere.has(i.id)))
      const carded = cards.items.filter((i) => inArea(i) && i.card !== null)
      const invHere = investments.filter((r) => area === null || r.subDistrict === area)
      return {
        since: input.since,
        today,
        generatedAt: ctx.now().toISOString(),
        dataChangedAt,
        area: area ? { code: area, ...areaName! } : null,
        deadline: programme.deadline,
        daysToDeadline: daysBetween(today, programme.deadline),
        kpis: {
          roads: roadGoal(roads.filter(inArea)),
          facilities: (({ byKind: _k, ...f }) => f)(facilityGoal(facilities.filter(inArea))),
        },
        changes: changes
          .filter((c) => itemsHere.has(`${c.entity}:${c.entityId}`))
          .map((c) => ({ ...c, item: itemsHere.get(`${c.entity}:${c.entityId}`)!.nameZh })),
        cards: carded.map((i) => ({
          entity: i.entity,
          id: i.id,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          card: i.card!,
          unit: i.leadUnit ? (unitName.get(i.leadUnit) ?? { nameZh: i.leadUnit, nameEn: i.leadUnit }) : null,
          openOrders: open
            .filter((o) =>
              o.items.some(
                (x) => (x.entity === i.entity && x.id === i.id) || (x.entity === 'road' && x.id === i.roadId),
              ),
            )
            .map((o) => o.id),
        })),
        orders: open.filter(orderHere).map((o) => ({
          id: o.id,
          unitNameZh: o.unitNameZh,
          unitNameEn: o.unitNameEn,
          request: o.request,
          dueOn: o.dueOn,
          state: o.state,
          overdue: isOrderOverdue(o, today),
        })),
        investment: {
          planned: invHere.reduce((s, r) => s + r.planned, 0),
          completed: invHere.reduce((s, r) => s + r.completed, 0),
          includesSample: invHere.some((r) => r.isSample),
        },
        map: { ...geometry, cards: Object.fromEntries(carded.map((i) => [`${i.entity}:${i.id}`, i.card!.colour])) },
      }
    }),
})
