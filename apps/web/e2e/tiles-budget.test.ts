import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, openPage, RESULTS_DIR, startHarness, waitForMapIdle } from './harness.ts'
import { createAccounts, signIn } from './plan-fixture.ts'

let h: Harness
/** A block of 9 000 road segments in 600 × 650 m: more than one tile's budget (5 000) up to z16. */
const [WEST, SOUTH, SIZE, STREETS, PER_STREET] = [113.5, 34.8, 0.006, 90, 100]

beforeAll(async () => {
  h = await startHarness()
  await createAccounts(h)
  await h.db.query(
    `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m)
     SELECT 'dense-' || s, '密路' || s, 'Dense ' || s, 'arterial', 20 FROM generate_series(0, $1::int - 1) s`,
    [STREETS],
  )
  await h.db.query(
    `INSERT INTO road_segments (id, road_id, geom, status, updated_by)
     SELECT 'dense-' || s || '-' || k, 'dense-' || s,
            ST_MakeLine(ST_Point($3::float8 + $5::float8 * k / $2, $4::float8 + $5::float8 * (s + 0.5) / $1, 4490),
                        ST_Point($3::float8 + $5::float8 * (k + 1) / $2, $4::float8 + $5::float8 * (s + 0.5) / $1, 4490)),
            'planned', 'test'
       FROM generate_series(0, $1::int - 1) s, generate_series(0, $2::int - 1) k`,
    [STREETS, PER_STREET, WEST, SOUTH, SIZE],
  )
})
afterAll(async () => {
  await h?.close()
})

describe('a tile cut by its budget', () => {
  it('makes the map say "zoom in to see all", and the notice goes once the view shows everything', async () => {
    const { page, context, problems } = await openPage(h)
    const centre = `${SOUTH + SIZE / 2}/${WEST + SIZE / 2}`
    await signIn(page, h, 'planner', `#14.5/${centre}`)
    await waitForMapIdle(page)
    const notice = page.getByRole('status').filter({ hasText: '放大查看全部' })
    await notice.waitFor({ timeout: 60_000 })
    await page.screenshot({ path: join(RESULTS_DIR, 'tiles-budget-cut.png') })
    await page.evaluate((hash) => (location.hash = hash), `#18.5/${centre}`)
    await notice.waitFor({ state: 'hidden', timeout: 60_000 })
    await page.screenshot({ path: join(RESULTS_DIR, 'tiles-budget-zoomed.png') })
    expect(problems).toEqual([])
    await context.close()
  })
})
