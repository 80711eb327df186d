import type { TestDatabase } from '@onemap/db/testing'
import { TRPCError } from '@trpc/server'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from '../../root.ts'
import { UNIT_A, UNIT_B, openDubanFixture } from '../../testing/duban-fixture.ts'
import { callerAs, PLANNER } from '../../testing/fixture.ts'

/**
 * Unit isolation over the whole router list: every procedure that is not open to the public, called by
 * unit-b's account on unit-a's order, item and attachment, is refused with FORBIDDEN and changes nothing.
 */
let db: TestDatabase
let orderId: number
let attachmentId: number
let jpeg: string
beforeAll(async () => {
  db = await openDubanFixture()
  orderId = (
    await callerAs(db, PLANNER).duban.orders.issue({
      items: [{ entity: 'road_segment', id: 's1' }],
      unitId: 'unit-a',
      request: '请开工',
      dueOn: '2021-06-20',
    })
  ).id
  jpeg = (
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer()
  ).toString('base64')
  attachmentId = (
    await callerAs(db, UNIT_A).duban.attachments.upload({
      entity: 'road_segment',
      id: 's1',
      orderId,
      fileName: 'site.jpg',
      dataBase64: jpeg,
    })
  ).id
})
afterAll(async () => {
  await db?.close()
})

/** Inputs aimed at unit-a's things, for procedures whose input is checked before their scope. */
const inputs = (): Record<string, unknown> => ({
  'duban.items.get': { entity: 'road', id: 'rd' },
  'duban.items.set': {
    entity: 'road',
    id: 'rd',
    expectedVersion: 1,
    leadUnit: 'unit-b',
    coUnits: [],
    plannedInvestment: 1,
    completedInvestment: 0,
    fundingSource: null,
  },
  'duban.orders.issue': { items: [{ entity: 'road', id: 'rd' }], unitId: 'unit-a', request: 'x', dueOn: '2021-07-01' },
  'duban.orders.list': { unitId: 'unit-a' },
  'duban.orders.get': { id: orderId },
  'duban.orders.step': { id: orderId, expectedVersion: 1, step: 'acknowledge' },
  'duban.attachments.upload': { entity: 'road_segment', id: 's1', orderId, fileName: 'x.jpg', dataBase64: jpeg },
  'duban.attachments.forItem': { entity: 'road_segment', id: 's1' },
  'duban.attachments.setPublic': { id: attachmentId, isPublic: true },
  'duban.brief.data': { since: '2021-05-01', area: '410172560' },
})

/** A unit account's own scope: it reads only its own unit's rows here (tested in orders.test.ts). */
const SCOPED = new Set(['duban.orders.events'])

async function codeOf(p: () => Promise<unknown>): Promise<string> {
  try {
    await p()
    return 'OK'
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err)
  }
}

function call(user: Parameters<typeof callerAs>[1], path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], callerAs(db, user)) as (
    i: unknown,
  ) => Promise<unknown>
  return fn(input)
}

const paths = Object.keys(appRouter._def.procedures).sort()
/** Procedures the public may call (public fields only): anything that does not ask the public to sign in. */
let publicPaths: Set<string>

describe('unit isolation: unit-b acting on unit-a', () => {
  beforeAll(async () => {
    publicPaths = new Set()
    for (const path of paths)
      if ((await codeOf(() => call(null, path, inputs()[path]))) !== 'UNAUTHORIZED') publicPaths.add(path)
  })

  it('knows which 督办 procedures are public: only the wall alarms (and their tick) and public photos', () => {
    expect(paths.length).toBeGreaterThan(20)
    expect([...publicPaths].filter((p) => p.startsWith('duban.'))).toEqual([
      'duban.attachments.publicForItem',
      'duban.cards.alarms',
      'duban.cards.alarmsChanged',
    ])
  })

  it('refuses every other procedure with FORBIDDEN and changes nothing', async () => {
    const refused: string[] = []
    for (const path of paths) {
      if (publicPaths.has(path) || SCOPED.has(path)) continue
      const before = (
        await db.query(
          'SELECT (SELECT count(*) FROM duban_log) + (SELECT count(*) FROM orders) + (SELECT count(*) FROM attachments) AS n',
        )
      ).rows[0]
      expect([path, await codeOf(() => call(UNIT_B, path, inputs()[path]))]).toEqual([path, 'FORBIDDEN'])
      expect(
        (
          await db.query(
            'SELECT (SELECT count(*) FROM duban_log) + (SELECT count(*) FROM orders) + (SELECT count(*) FROM attachments) AS n',
          )
        ).rows[0],
      ).toEqual(before)
      refused.push(path)
    }
    // Every 督办 procedure that is neither public nor scoped was tried.
    expect(refused.filter((p) => p.startsWith('duban.')).length).toBe(
      paths.filter((p) => p.startsWith('duban.') && !publicPaths.has(p) && !SCOPED.has(p)).length,
    )
  })

  it('lists only its own orders, and the attachment stays unpublished', async () => {
    expect(await callerAs(db, UNIT_B).duban.orders.list()).toEqual([])
    expect((await callerAs(db, UNIT_A).duban.orders.list()).map((o) => o.id)).toContain(orderId)
    expect((await db.query('SELECT is_public FROM attachments WHERE id = $1', [attachmentId])).rows[0]).toEqual({
      is_public: false,
    })
  })
})
