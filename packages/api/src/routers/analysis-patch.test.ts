import { changeEventById } from '@onemap/db/queries/events'
import { openTestDatabase, type TestDatabase } from '@onemap/db/testing'
import { forwardTargets, STATUS_CHAINS, SUSPENDED } from '@onemap/domain/transitions'
import { patchSegmentTable, type SegmentSort } from '@onemap/domain/segment-table'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, callerAs, PLANNER } from '../testing/fixture.ts'

// A table big enough for pages: 36 segments on three roads of different classes, half inside a
// sub-district, with planned dates spread around the programme so every schedule state occurs.
const SEGMENTS = 36
const CLASSES = ['arterial', 'secondary', 'branch'] as const

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase({
    template: 'api-analysis-patch',
    prepare: async (d) => {
      await d.query(
        `INSERT INTO programme (id, name_zh, name_en, window_start, deadline, source)
         VALUES ('p', '三年行动', 'Three-year goals', '2020-08-02', '2023-08-02', 'test fixture')`,
      )
      await d.query(
        `INSERT INTO sub_districts (code, name_zh, name_en, geom)
         VALUES ('410172560', '枫杨街道', 'Fengyang', ST_Multi(ST_MakeEnvelope(113.5, 34.80, 113.6, 34.83, 4490)))`,
      )
      for (const [i, cls] of CLASSES.entries()) {
        await d.query(`INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m) VALUES ($1, $2, $3, $4, 30)`, [
          `r${i}`,
          `测试路${i}`,
          `Road ${i}`,
          cls,
        ])
      }
      for (let i = 0; i < SEGMENTS; i++) {
        const south = 34.78 + (i % 12) * 0.004
        const east = 113.55 + Math.floor(i / 12) * 0.01
        // Lengths differ per segment (0.002–0.004°), planned starts from 2020 to 2023, some none.
        const start = i % 7 === 0 ? null : `202${i % 4}-0${1 + (i % 9)}-15`
        const finish = start && i % 3 !== 0 ? `202${(i % 4) + 1}-0${1 + (i % 8)}-01` : null
        await d.query(
          `INSERT INTO road_segments (id, road_id, geom, status, planned_start, planned_finish, updated_by)
           VALUES ($1, $2, ST_SetSRID(ST_MakeLine(ST_MakePoint($3, $4), ST_MakePoint($3, $5)), 4490), 'planned', $6, $7, 'seed')`,
          [`s${String(i).padStart(2, '0')}`, `r${i % 3}`, east, south, south + 0.002 + (i % 5) * 0.0005, start, finish],
        )
      }
    },
  })
})
afterAll(async () => {
  await db?.close()
})

// A small deterministic generator, so a failure names a sequence that can be replayed.
function generator(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s / 2 ** 31
  }
}

type Query = Parameters<ReturnType<typeof callerAs>['analysis']['segments']>[0] & {
  sort: SegmentSort
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

const QUERIES: Query[] = []
for (const sort of ['lateness', 'status', 'name', 'length', 'planned_start'] as const)
  for (const dir of ['desc', 'asc'] as const)
    for (const page of [1, 2, 4]) QUERIES.push({ sort, dir, page, pageSize: 10 })
QUERIES.push(
  { sort: 'lateness', dir: 'desc', page: 1, pageSize: 8, filter: { status: ['planned', 'under_construction'] } },
  { sort: 'lateness', dir: 'desc', page: 2, pageSize: 8, filter: { status: ['planned', 'suspended'] } },
  { sort: 'id', dir: 'asc', page: 1, pageSize: 8, schedule: ['overdue', 'late'] },
  { sort: 'lateness', dir: 'desc', page: 1, pageSize: 50, filter: { subDistrict: '410172560' } },
  { sort: 'lateness', dir: 'desc', page: 3, pageSize: 4, filter: { subDistrict: '410172560' } },
)

describe('patchSegmentTable', () => {
  it('turns a page and a live change into the page the next read returns, or asks for the read', async () => {
    const now = new Date('2022-10-01T04:00:00Z')
    const viewer = callerAs(db, PLANNER, now)
    const admin = callerAs(db, ADMIN, now)
    const random = generator(20261129)
    let patched = 0
    let reread = 0
    const pages = () => Promise.all(QUERIES.map((q) => viewer.analysis.segments(q)))
    let before = await pages()
    // Rows as last read, as the workbench keeps them for a row that comes back into its page.
    const seen = new Map<string, (typeof before)[number]['rows'][number]>()
    for (let step = 0; step < 40; step++) {
      for (const view of before) for (const r of [...view.rows, ...view.after]) seen.set(r.id, r)
      const id = `s${String(Math.floor(random() * SEGMENTS)).padStart(2, '0')}`
      const row = (await viewer.analysis.segment({ id }))!
      const at = `2022-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`
      // Mostly forward moves and suspensions; now and then an admin correction back down the chain.
      const forward = forwardTargets('road_segment', row.status, row.suspendedFrom)
      const chain: readonly string[] = STATUS_CHAINS.road_segment
      const back = [...chain, SUSPENDED].filter((s) => s !== row.status && !forward.includes(s))
      const correct = forward.length === 0 || random() < 0.25
      const to = correct ? back[Math.floor(random() * back.length)]! : forward[Math.floor(random() * forward.length)]!
      const edit = await (correct ? admin : viewer).edits
        .setStatus({
          entity: 'road_segment',
          id,
          expectedVersion: row.version,
          to,
          at,
          ...(correct ? { note: 'test correction' } : {}),
        })
        // A date before the item's last recorded change is refused: that step changes nothing.
        .catch((err: { code?: string }) => {
          if (err.code === 'BAD_REQUEST') return null
          throw err
        })
      if (!edit) continue
      const event = (await changeEventById(db, edit.eventId))!
      const after = await pages()
      for (const [i, q] of QUERIES.entries()) {
        const patch = patchSegmentTable(before[i]!, { filter: {}, ...q }, event, before[i]!.today, seen.get(id))
        if (patch === null) {
          reread++
          continue
        }
        patched++
        // The page the client shows is the page a read returns (asOfEvent aside: the read is newer).
        const fresh = after[i]!
        const where = `step ${step}: ${id} ${event.from}→${to}, ${JSON.stringify(q)}`
        expect({ ...patch, asOfEvent: 0, after: [] }, where).toEqual({ ...fresh, asOfEvent: 0, after: [] })
        // The spare rows may run short after rows left the page, never differ.
        expect(patch.after, where).toEqual(fresh.after.slice(0, patch.after.length))
      }
      before = after
    }
    // Most changes are patched in place; a patch that always gave up would fail here.
    expect(patched).toBeGreaterThan(reread)
    expect(reread).toBeGreaterThan(0)
  })

  it('applies only changes entered after the page was read', async () => {
    const now = new Date('2022-10-01T04:00:00Z')
    const planner = callerAs(db, PLANNER, now)
    const open = await planner.analysis.segments({ filter: { status: ['planned', 'under_construction'] } })
    const id = open.rows[0]!.id
    const row = (await planner.analysis.segment({ id }))!
    const to = forwardTargets('road_segment', row.status, row.suspendedFrom)[0]!
    const edit = await planner.edits.setStatus({
      entity: 'road_segment',
      id,
      expectedVersion: row.version,
      to,
      at: '2022-09-01',
    })
    const event = (await changeEventById(db, edit.eventId))!
    const page = await planner.analysis.segments({ sort: 'id', dir: 'asc' })
    expect(page.asOfEvent).toBeGreaterThanOrEqual(edit.eventId)
    // The page already holds the change: applying it again would count it twice.
    expect(patchSegmentTable(page, { filter: {}, sort: 'id', dir: 'asc' }, event, page.today)).toBeNull()
  })
})
