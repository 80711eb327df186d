import { join } from 'node:path'
import type { BrowserContext, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { query } from './api.ts'
import { type Harness, openPage, RESULTS_DIR, startHarness } from './harness.ts'
import { createAccounts, signIn, waitTilesRedrawn } from './plan-fixture.ts'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
  await createAccounts(h)
})
afterAll(async () => {
  await h?.close()
})

/** Each layer's version as layers.list reports it: the number its tile URLs carry. */
async function listedVersion(layer: string): Promise<number> {
  const list = await query<{ id: string; version: number }[]>(h, 'layers.list')
  const found = list.find((l) => l.id === layer)
  if (!found) throw new Error(`${layer} is not in layers.list`)
  return found.version
}

/** The version of a tile request of `layer` (/tiles/<layer>/z/x/y.mvt?v=…), undefined for any other request. */
function tileVersion(request: Request, layer: string): number | undefined {
  const url = new URL(request.url())
  if (!new RegExp(`^/tiles/${layer}/\\d+/\\d+/\\d+\\.mvt$`).test(url.pathname)) return undefined
  return Number(url.searchParams.get('v'))
}

/** Resolves with the first tile request of `layer` at a version past `after` (MapLibre's workers fetch tiles: the context sees them). */
function nextTiles(context: BrowserContext, layer: string, after: number): Promise<number> {
  return context
    .waitForEvent('request', { predicate: (r) => (tileVersion(r, layer) ?? -1) > after, timeout: 30_000 })
    .then((r) => tileVersion(r, layer)!)
}

describe('planner workbench, layer versions live', () => {
  it('requests a layer’s tiles at its new version when it is written without a status change, without a reload', async () => {
    const { page, context, problems } = await openPage(h)
    const rivers0 = await listedVersion('rivers')
    const segments0 = await listedVersion('road_segments')
    // The basemap draws rivers under the workbench: their first tiles, at the version listed now.
    const firstRivers = context.waitForEvent('request', {
      predicate: (r) => tileVersion(r, 'rivers') === rivers0,
      timeout: 60_000,
    })
    await signIn(page, h, 'planner')
    await firstRivers
    await waitTilesRedrawn(page)
    // Survives only if the page is not loaded again.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true))
    const revision0 = Number(await page.locator('.plan-workbench').getAttribute('data-revision'))

    // An import of rivers straight into the database: no status event, only the layer's version moves.
    const tileJsons: string[] = []
    const onRequest = (r: Request) => {
      const m = /^\/tiles\/(\w+)\.json$/.exec(new URL(r.url()).pathname)
      if (m) tileJsons.push(m[1]!)
    }
    context.on('request', onRequest)
    const riversMoved = nextTiles(context, 'rivers', rivers0)
    // (Every river renamed, as a new survey would: the screenshot shows the new labels.)
    await h.db.query(`UPDATE rivers SET name_zh = name_zh || '·新', name_en = name_en || ' (new)'`)
    const rivers1 = await listedVersion('rivers')
    expect(rivers1).toBeGreaterThan(rivers0)
    expect(await riversMoved).toBe(rivers1)
    context.off('request', onRequest)
    // Exactly that layer moved: no other TileJSON was read again, and the workbench's revision stayed.
    expect(tileJsons).toEqual(['rivers'])
    expect(Number(await page.locator('.plan-workbench').getAttribute('data-revision'))).toBe(revision0)

    // A renewal unit renamed: its tiles move, and the filter's list of places (read through tRPC) follows.
    const units0 = await listedVersion('renewal_units')
    const unitsMoved = nextTiles(context, 'renewal_units', units0)
    const { rows } = await h.db.query<{ name_zh: string }>(
      `UPDATE renewal_units SET name_zh = name_zh || '·新' WHERE id = (SELECT min(id) FROM renewal_units) RETURNING name_zh`,
    )
    expect(await unitsMoved).toBe(await listedVersion('renewal_units'))
    await page.locator('.plan-workbench select option', { hasText: rows[0]!.name_zh }).waitFor({ state: 'attached' })

    // A road renamed through `roads`: the segments' tiles carry its name, so their layer moves; with no status
    // change to account for it, the table is read again and its row shows the new name.
    const segmentsMoved = nextTiles(context, 'road_segments', segments0)
    const shownId = await page.locator('tbody tr[data-segment-id]').first().getAttribute('data-segment-id')
    const { rows: renamed } = await h.db.query<{ name_zh: string }>(
      `UPDATE roads SET name_zh = name_zh || '（改名）' WHERE id = (SELECT road_id FROM road_segments WHERE id = $1)
       RETURNING name_zh`,
      [shownId],
    )
    const segments1 = await listedVersion('road_segments')
    expect(segments1).toBeGreaterThan(segments0)
    expect(await segmentsMoved).toBe(segments1)
    await page
      .locator(`tbody tr[data-segment-id="${shownId}"] .plan-row-link`, { hasText: renamed[0]!.name_zh })
      .waitFor({ timeout: 10_000 })
    await waitTilesRedrawn(page)
    expect(Number(await page.locator('.plan-workbench').getAttribute('data-revision'))).toBeGreaterThan(revision0)

    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
    // Drawn completely (every source, rivers included, since the revision's redraw above): rivers labelled anew.
    await page.locator('.map-canvas canvas').screenshot({ path: join(RESULTS_DIR, 'plan-layer-live.png') })
    expect(problems).toEqual([])
    await context.close()
  })
})
