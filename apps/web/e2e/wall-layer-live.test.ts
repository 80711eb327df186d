import { describe, expect, it, onTestFinished } from 'vitest'
import { query } from './api.ts'
import { openWall, useWallHarness, waitForLiveSubscribers } from './wall-support.ts'

const wall = useWallHarness()

describe('wall, layer versions live', () => {
  it('labels a river by its new name after an import of rivers, without a reload', async () => {
    const { page, context, problems } = await openWall(wall.h, '?scenes=rivers&interval=600')
    onTestFinished(() => context.close())
    const rivers = await query<{ id: string; nameZh: string; lengthInZoneM: number }[]>(wall.h, 'wall.rivers')
    const river = rivers.find((r) => r.lengthInZoneM > 0)
    if (!river) throw new Error('the seeded database holds no river in the zone')
    const label = page.locator(`[data-testid="map-labels"] li[data-label="${river.id}"] b`)
    expect(await label.textContent()).toBe(river.nameZh)
    await waitForLiveSubscribers(wall.db)
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true))

    // Straight into the database, as an import writes: no status event, only the rivers layer's version moves.
    await wall.db.query(`UPDATE rivers SET name_zh = name_zh || '·新' WHERE id = $1`, [river.id])
    await page.waitForFunction(
      ({ id, name }) => document.querySelector(`[data-label="${id}"] b`)?.textContent === name,
      { id: river.id, name: `${river.nameZh}·新` },
      { timeout: 30_000 },
    )
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
    expect(problems).toEqual([])
  })
})
