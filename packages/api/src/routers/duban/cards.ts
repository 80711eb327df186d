import { insertDubanLog } from '@onemap/db/queries/duban/log'
import { listOrders } from '@onemap/db/queries/duban/orders'
import { readThresholds, writeThresholds } from '@onemap/db/queries/duban/thresholds'
import { listUnits } from '@onemap/db/queries/duban/units'
import { CardThresholds } from '@onemap/domain/cards'
import { isOrderOverdue, OPEN_ORDER_STATES } from '@onemap/domain/duban'
import { zoneToday } from '@onemap/domain/dates'
import { computeCards } from '../../duban/cards-data.ts'
import { dubanProcedure, requireOffice } from '../../duban/scope.ts'
import { adminProcedure } from '../../procedures.ts'
import { publicProcedure, router } from '../../trpc.ts'
import { queuedSubscription } from '../../channel-hub.ts'
import { dubanHubFor } from '../../duban/duban-hub.ts'

export const cardsRouter = router({
  /** Every carded programme item (red first) and the per-unit league table (office accounts). */
  list: dubanProcedure.query(async ({ ctx }) => {
    requireOffice(ctx.scope)
    const [cards, units] = await Promise.all([computeCards(ctx.db, ctx.now()), listUnits(ctx.db)])
    const names = new Map(units.map((u) => [u.id, { nameZh: u.nameZh, nameEn: u.nameEn }]))
    return {
      today: cards.today,
      thresholds: cards.thresholds,
      items: cards.items.filter((i) => i.card !== null),
      league: cards.league.map((r) => ({ ...r, ...(names.get(r.unitId) ?? { nameZh: r.unitId, nameEn: r.unitId }) })),
    }
  }),

  thresholds: dubanProcedure.query(({ ctx }) => (requireOffice(ctx.scope), readThresholds(ctx.db))),

  /** Replaces the thresholds (admins); audited. */
  setThresholds: adminProcedure.input(CardThresholds).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (client) => {
      const before = await readThresholds(client)
      await writeThresholds(client, input, ctx.user.name)
      await insertDubanLog(client, {
        action: 'thresholds',
        orderId: null,
        unitId: null,
        entity: null,
        entityId: null,
        from: `${before.yellowDays}/${before.redDays}/${before.dueSoonDays}`,
        to: `${input.yellowDays}/${input.redDays}/${input.dueSoonDays}`,
        actor: ctx.user.name,
        note: 'yellow/red/due-soon days',
      })
      return input
    }),
  ),

  /**
   * The wall's alarms: red and yellow items and open/overdue orders per unit. Public fields only (see
   * docs/public-fields.md): no order text, notes, contacts or account names.
   */
  alarms: publicProcedure.query(async ({ ctx }) => {
    const [cards, units, open] = await Promise.all([
      computeCards(ctx.db, ctx.now()),
      listUnits(ctx.db),
      listOrders(ctx.db, { states: OPEN_ORDER_STATES }),
    ])
    const today = zoneToday(ctx.now())
    const unitName = new Map(units.map((u) => [u.id, { nameZh: u.nameZh, nameEn: u.nameEn }]))
    const perUnit = new Map<string, { open: number; overdue: number }>()
    for (const o of open) {
      const c = perUnit.get(o.unitId) ?? { open: 0, overdue: 0 }
      c.open += 1
      if (isOrderOverdue(o, today)) c.overdue += 1
      perUnit.set(o.unitId, c)
    }
    return {
      today,
      items: cards.items
        .filter((i) => i.card !== null)
        .map((i) => ({
          entity: i.entity,
          id: i.id,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          colour: i.card!.colour,
          lateDays: i.card!.lateDays,
          unit: i.leadUnit
            ? { id: i.leadUnit, ...(unitName.get(i.leadUnit) ?? { nameZh: i.leadUnit, nameEn: i.leadUnit }) }
            : null,
          overdueOrders: i.overdueOrders,
        })),
      units: [...perUnit]
        .map(([id, c]) => ({ id, ...(unitName.get(id) ?? { nameZh: id, nameEn: id }), ...c }))
        .sort((a, b) => b.overdue - a.overdue || b.open - a.open),
      league: cards.league.map((r) => ({
        ...r,
        ...(unitName.get(r.unitId) ?? { nameZh: r.unitId, nameEn: r.unitId }),
      })),
    }
  }),

  /**
   * A tick for the wall each time a 督办 change commits, so it re-reads `alarms`: the log id and the action
   * only (public). The first tick ('connected') comes once listening; a wall re-reads alarms on every tick.
   */
  alarmsChanged: publicProcedure.subscription(async function* ({ ctx, signal }) {
    const sub = await queuedSubscription(dubanHubFor(ctx.db), signal)
    try {
      // First tick once listening: the wall reads alarms then, and misses nothing committed after.
      yield { id: 0, action: 'connected' }
      for (let s = await sub.next(); s; s = await sub.next())
        yield s.type === 'event' ? { id: s.event.id, action: s.event.action } : { id: 0, action: 'gap' }
    } finally {
      sub.unsubscribe()
    }
  }),
})
