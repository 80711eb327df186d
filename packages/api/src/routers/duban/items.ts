import { insertDubanLog, itemLog } from '@onemap/db/queries/duban/log'
import {
  itemExists,
  loadInvestments,
  readResponsibility,
  writeResponsibility,
  type Responsibility,
} from '@onemap/db/queries/duban/responsibility'
import { existingUnits, listUnits } from '@onemap/db/queries/duban/units'
import { DubanEntity } from '@onemap/domain/duban'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { dubanProcedure, requireOffice, requirePlanner } from '../../duban/scope.ts'
import { router } from '../../trpc.ts'

export const ItemRef = z.object({ entity: DubanEntity, id: z.string().min(1).max(200) })
const LABEL = { road_segment: 'road segment', road: 'road', facility: 'facility' } as const
const Wan = z.number().min(0).max(1e10).multipleOf(0.01).nullable()

/** 404 unless the item exists. */
export async function requireItem(
  db: Parameters<typeof itemExists>[0],
  entity: DubanEntity,
  id: string,
): Promise<void> {
  if (!(await itemExists(db, entity, id)))
    throw new TRPCError({ code: 'NOT_FOUND', message: `No ${LABEL[entity]} with id '${id}'` })
}

/** What changed, in the planner's words for the audit trail (e.g. "lead 建设局 → 枫杨街道; planned 1200 → 1500 万元"). */
function describeChange(
  before: Responsibility,
  after: Omit<Responsibility, 'version' | 'updatedBy' | 'updatedAt' | 'isSample' | 'entity' | 'entityId'>,
): string {
  const parts: string[] = []
  const show = (v: unknown) =>
    v === null || v === undefined || (Array.isArray(v) && v.length === 0)
      ? '—'
      : Array.isArray(v)
        ? v.join(',')
        : String(v)
  const field = (label: string, a: unknown, b: unknown) =>
    show(a) !== show(b) && parts.push(`${label} ${show(a)} → ${show(b)}`)
  field('lead', before.leadUnit, after.leadUnit)
  field('co-units', before.coUnits, after.coUnits)
  field('planned 万元', before.plannedInvestment, after.plannedInvestment)
  field('completed 万元', before.completedInvestment, after.completedInvestment)
  field('funding', before.fundingSource, after.fundingSource)
  return parts.length > 0 ? parts.join('; ') : 'no change'
}

/** Sums planned and completed investment (万元) of rows by a key. */
function sumBy<T extends { planned: number; completed: number }>(rows: readonly T[], key: (r: T) => string) {
  const out = new Map<string, { key: string; planned: number; completed: number; items: number }>()
  for (const r of rows) {
    const k = key(r)
    const s = out.get(k) ?? { key: k, planned: 0, completed: 0, items: 0 }
    s.planned += r.planned
    s.completed += r.completed
    s.items += 1
    out.set(k, s)
  }
  return [...out.values()].map((s) => ({
    ...s,
    planned: Math.round(s.planned * 100) / 100,
    completed: Math.round(s.completed * 100) / 100,
  }))
}

export const itemsRouter = router({
  /** Lead and co-units, investment and funding of one item, with its 督办 log (office accounts). */
  get: dubanProcedure.input(ItemRef).query(async ({ ctx, input }) => {
    requireOffice(ctx.scope)
    await requireItem(ctx.db, input.entity, input.id)
    const [responsibility, log] = await Promise.all([
      readResponsibility(ctx.db, input.entity, input.id),
      itemLog(ctx.db, input.entity, input.id),
    ])
    return { responsibility, log }
  }),

  /** Sets units, investment and funding (planners); versioned like status edits and written to the 督办 log. */
  set: dubanProcedure
    .input(
      ItemRef.extend({
        expectedVersion: z.number().int().min(0),
        leadUnit: z.string().min(1).max(64).nullable(),
        coUnits: z.array(z.string().min(1).max(64)).max(10),
        plannedInvestment: Wan,
        completedInvestment: Wan,
        fundingSource: z.string().trim().max(100).nullable(),
        note: z.string().trim().max(2000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const scope = requirePlanner(ctx.scope)
      const named = [...new Set([...(input.leadUnit ? [input.leadUnit] : []), ...input.coUnits])]
      const known = await existingUnits(ctx.db, named)
      const unknown = named.filter((u) => !known.has(u))
      if (unknown.length > 0)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `No unit with id ${unknown.map((u) => `'${u}'`).join(', ')}`,
        })
      if (input.leadUnit && input.coUnits.includes(input.leadUnit))
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `'${input.leadUnit}' is the lead unit and cannot also be a co-unit`,
        })
      return ctx.db.transaction(async (client) => {
        await requireItem(client, input.entity, input.id)
        const before = await readResponsibility(client, input.entity, input.id)
        const after = {
          leadUnit: input.leadUnit,
          coUnits: input.coUnits,
          plannedInvestment: input.plannedInvestment,
          completedInvestment: input.completedInvestment,
          fundingSource: input.fundingSource || null,
        }
        const version = await writeResponsibility(client, {
          entity: input.entity,
          entityId: input.id,
          expectedVersion: input.expectedVersion,
          ...after,
          actor: scope.user.name,
        })
        if (version === null) {
          throw new TRPCError({
            code: 'CONFLICT',
            message: `The units and investment of '${input.id}' were changed by ${before.updatedBy ?? 'someone'} (now version ${before.version}); reload and try again`,
          })
        }
        const change = describeChange(before, after)
        await insertDubanLog(client, {
          action: 'responsibility',
          orderId: null,
          unitId: input.leadUnit,
          entity: input.entity,
          entityId: input.id,
          from: null,
          to: null,
          actor: scope.user.name,
          note: input.note ? `${change}; ${input.note}` : change,
        })
        return { version }
      })
    }),

  /** Planned and completed investment (万元) summed per sub-district, lead unit and kind of item, and in total. */
  investment: dubanProcedure.query(async ({ ctx }) => {
    requireOffice(ctx.scope)
    const [rows, units] = await Promise.all([loadInvestments(ctx.db), listUnits(ctx.db)])
    const unitName = new Map(units.map((u) => [u.id, u.nameZh]))
    return {
      total: sumBy(rows, () => 'total')[0] ?? { key: 'total', planned: 0, completed: 0, items: 0 },
      bySubDistrict: sumBy(rows, (r) => r.subDistrict ?? 'none'),
      byUnit: sumBy(rows, (r) => r.leadUnit ?? 'none').map((s) => ({ ...s, nameZh: unitName.get(s.key) ?? null })),
      byEntity: sumBy(rows, (r) => r.entity),
      /** True while any summed value is a sample value. */
      includesSample: rows.some((r) => r.isSample),
    }
  }),
})
