import { hashPassword } from '@onemap/api/passwords'
import { createAccount } from '@onemap/db/queries/accounts'
import type { BrowserContext, Page } from 'playwright-core'
import { query } from './api.ts'
import { type Harness, hexToRgb, pixelOffset, pixelsOf } from './harness.ts'

/** Accounts the workbench tests sign in with (test database only). */
export const ACCOUNTS = {
  planner: { name: 'planner-li', password: 'plan-li-secret-1', role: 'planner' },
  planner2: { name: 'planner-zhao', password: 'plan-zhao-secret-2', role: 'planner' },
  viewer: { name: 'viewer-wang', password: 'view-wang-secret-3', role: 'viewer' },
} as const
type AccountKey = keyof typeof ACCOUNTS

export async function createAccounts(h: Harness): Promise<void> {
  for (const a of Object.values(ACCOUNTS))
    await createAccount(h.db, { name: a.name, role: a.role, passwordHash: await hashPassword(a.password) })
}

/** Opens /plan (with an optional map view hash) and signs in through the form. */
export async function signIn(page: Page, h: Harness, who: AccountKey, hash = ''): Promise<void> {
  await page.goto(`${h.origin}/plan${hash}`)
  await page.getByLabel('账号').fill(ACCOUNTS[who].name)
  await page.getByLabel('密码').fill(ACCOUNTS[who].password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.getByTestId('plan-account').waitFor()
}

export interface SegmentFeature {
  id: string
  geometry: { type: 'LineString'; coordinates: [number, number][] }
  properties: { id: string; status: string }
}

/** Road segments through the public API, as any client sees them. */
export async function segments(h: Harness, filter: Record<string, unknown> = {}): Promise<SegmentFeature[]> {
  return (
    await query<{ features: SegmentFeature[] }>(h, 'features.query', { layer: 'road_segments', filter, limit: 5000 })
  ).features
}

/** Points at the given fractions of a line's length (in degrees: fine for a few hundred metres). */
function along(coords: [number, number][], fractions: number[]): [number, number][] {
  const legs = coords.slice(1).map((c, i) => Math.hypot(c[0] - coords[i]![0], c[1] - coords[i]![1]))
  const total = legs.reduce((a, b) => a + b, 0)
  return fractions.map((f) => {
    let left = f * total
    for (let i = 0; i < legs.length; i++) {
      const leg = legs[i]!
      if (left <= leg || i === legs.length - 1) {
        const [a, b] = [coords[i]!, coords[i + 1]!]
        const k = leg > 0 ? Math.min(1, left / leg) : 0
        return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k]
      }
      left -= leg
    }
    return coords[0]!
  })
}

/** The map view from the URL hash (#zoom/lat/lon), which MapLibre keeps current. */
export function viewOf(page: Page): { zoom: number; center: [number, number] } {
  const [zoom, lat, lon] = new URL(page.url()).hash.slice(1).split('/').map(Number)
  if (zoom === undefined || lat === undefined || lon === undefined || Number.isNaN(zoom + lat + lon))
    throw new Error(`no map view in ${page.url()}`)
  return { zoom, center: [lon, lat] }
}

/**
 * How many of seven points along the segment's middle show `hex` on the map canvas. Labels may
 * cover a few of them, so callers ask for a majority rather than every point.
 */
export async function pointsShowing(
  page: Page,
  context: BrowserContext,
  segment: SegmentFeature,
  hex: string,
  shot: string,
): Promise<number> {
  const canvas = page.locator('.map-canvas canvas')
  const box = await canvas.boundingBox()
  if (!box) throw new Error('no map canvas')
  const png = await canvas.screenshot({ path: shot })
  const { zoom, center } = viewOf(page)
  const pixels = along(segment.geometry.coordinates, [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]).map((p) => {
    const [dx, dy] = pixelOffset(center, zoom, p)
    return [box.width / 2 + dx, box.height / 2 + dy] as [number, number]
  })
  const rgb = hexToRgb(hex)
  const colours = await pixelsOf(context, png, pixels)
  return colours.filter((c) => rgb.every((v, i) => Math.abs(v - (c[i] as number)) <= 40)).length
}

/** Waits until the map has flown to the selected segment and finished drawing. */
export async function waitSettledOn(page: Page, id: string): Promise<void> {
  await page.locator(`[data-settled-id="${id}"]`).waitFor({ timeout: 30_000 })
}

/** Waits until the map has drawn the tiles of the latest edit (revision) completely. */
export async function waitTilesRedrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('.plan-workbench')
      return !!el && el.getAttribute('data-revision') === el.getAttribute('data-idle-revision')
    },
    undefined,
    { timeout: 30_000 },
  )
}
