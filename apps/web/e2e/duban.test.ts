import { join } from 'node:path'
import { jpegAt } from '@onemap/api/testing/duban-files'
import { hashPassword } from '@onemap/api/passwords'
import { createAccount } from '@onemap/db/queries/accounts'
import { assignAccountUnit } from '@onemap/db/queries/duban/units'
import { zoneToday } from '@onemap/domain/dates'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, openPage, RESULTS_DIR, startHarness } from './harness.ts'
import { mutate, plannerCookie, waitForLiveSubscribers } from './wall-support.ts'

/** The 督办 loop in the browser: a planner issues an order, the unit answers from its inbox, the planner accepts. */
let h: Harness
let segmentId: string
const PLANNER = { name: 'planner-duban', password: 'plan-duban-secret-1' }
const UNIT = { name: 'fengyang-office', password: 'unit-fengyang-secret-2' }
const shot = (name: string) => join(RESULTS_DIR, `${name}.png`)

beforeAll(async () => {
  h = await startHarness()
  await createAccount(h.db, { name: PLANNER.name, role: 'planner', passwordHash: await hashPassword(PLANNER.password) })
  await createAccount(h.db, { name: UNIT.name, role: 'unit', passwordHash: await hashPassword(UNIT.password) })
  await assignAccountUnit(h.db, UNIT.name, 'sd-fengyang')
  // An unbuilt programme segment that the sample makes 枫杨街道's own.
  segmentId = (
    await h.db.query<{ id: string }>(
      `SELECT r.entity_id AS id FROM item_responsibility r JOIN road_segments s ON s.id = r.entity_id
        WHERE r.entity = 'road_segment' AND r.lead_unit = 'sd-fengyang' AND s.status <> 'completed' ORDER BY r.entity_id LIMIT 1`,
    )
  ).rows[0]!.id
})
afterAll(async () => {
  await h?.close()
})

async function signIn(page: Page, who: { name: string; password: string }) {
  await page.goto(`${h.origin}/plan`)
  await page.getByLabel('账号').fill(who.name)
  await page.getByLabel('密码').fill(who.password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.getByTestId('plan-account').waitFor()
}

const orderState = async (id: number) =>
  (await h.db.query<{ state: string }>('SELECT state FROM orders WHERE id = $1', [id])).rows[0]!.state

describe('督办 in the browser', () => {
  it('a planner issues an order, the unit answers from its inbox with a photo, the planner accepts; both screens follow live', async () => {
    const planner = await openPage(h)
    const unit = await openPage(h, { width: 1100, height: 900 })
    await signIn(unit.page, UNIT)
    await unit.page.getByTestId('unit-inbox').waitFor()
    // A unit account sees no workbench at all.
    expect(await unit.page.getByRole('tab').count()).toBe(0)

    await signIn(planner.page, PLANNER)
    await planner.page.getByRole('tab', { name: '督办' }).click()
    await planner.page.getByTestId('card-table').waitFor()
    const form = planner.page.getByTestId('issue-order')
    await form.getByLabel('督办项目（编号，逗号分隔）').fill(segmentId)
    await form.getByLabel('责任单位').selectOption('sd-fengyang')
    await form.getByLabel('督办事项').fill('请于本周内进场施工并报送现场照片')
    await form.getByLabel('办结期限').fill('2099-12-31')
    await form.getByRole('button', { name: '下发' }).click()
    const issued = await planner.page.getByRole('status').filter({ hasText: '已下发督办单' }).textContent()
    const orderId = Number(/#(\d+)/.exec(issued ?? '')![1])

    // The unit's inbox shows the new order without a reload (live 督办 stream).
    const row = unit.page.locator(`[data-testid="order-list"] li[data-order-id="${orderId}"]`)
    await row.waitFor({ timeout: 10_000 })
    await row.getByTestId('order-open').click()
    const view = unit.page.locator(`[data-testid="order-view"][data-order-id="${orderId}"]`)
    await view.getByTestId('order-acknowledge').click()
    await unit.page.locator(`[data-testid="order-view"][data-state="acknowledged"]`).waitFor()
    const photo = await jpegAt(113.55, 34.82)
    await view.getByTestId('order-note').fill('已进场施工，附现场照片')
    await view.getByTestId('order-file').setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: photo })
    await view.getByTestId('order-reply').click()
    await view.locator('[data-testid="attachments"] img').waitFor()
    await view.getByTestId('order-done').click()
    await unit.page.locator(`[data-testid="order-view"][data-state="done"]`).waitFor()
    await unit.page.screenshot({ path: shot('duban-unit-inbox') })
    expect(await orderState(orderId)).toBe('done')

    // The planner's list follows live; the planner opens the order, sees the reply and photo, and accepts.
    const plannerRow = planner.page.locator(
      `[data-testid="order-list"] li[data-order-id="${orderId}"][data-state="done"]`,
    )
    await plannerRow.waitFor({ timeout: 10_000 })
    await plannerRow.getByTestId('order-open').click()
    const pview = planner.page.locator(`[data-testid="order-view"][data-order-id="${orderId}"]`)
    await expect.poll(() => pview.getByTestId('order-log').textContent()).toContain('已进场施工，附现场照片')
    await pview.locator('[data-testid="attachments"] img').waitFor()
    await planner.page.screenshot({ path: shot('duban-planner-order') })
    await pview.getByTestId('order-accept').click()
    await expect.poll(() => orderState(orderId)).toBe('accepted')
    // The unit sees its order closed without reloading.
    await unit.page
      .locator(`[data-testid="order-list"] li[data-order-id="${orderId}"][data-state="accepted"]`)
      .waitFor({ timeout: 10_000 })

    const log = (
      await h.db.query<{ action: string; actor: string }>(
        'SELECT action, actor FROM duban_log WHERE order_id = $1 ORDER BY id',
        [orderId],
      )
    ).rows
    expect(log.map((l) => `${l.action}:${l.actor}`)).toEqual([
      `issue:${PLANNER.name}`,
      `acknowledge:${UNIT.name}`,
      `attachment:${UNIT.name}`,
      `reply:${UNIT.name}`,
      `done:${UNIT.name}`,
      `accept:${PLANNER.name}`,
    ])
    expect(planner.problems).toEqual([])
    expect(unit.problems).toEqual([])
    await planner.context.close()
    await unit.context.close()
  }, 180_000)

  it('shows red and yellow cards, the league table and the brief link on the 督办 tab', async () => {
    const { page, context, problems } = await openPage(h, { width: 1280, height: 1000 })
    await signIn(page, PLANNER)
    // The workbench table, most overdue first, marks carded rows.
    await page.locator('[data-testid="plan-table"] tbody tr .duban-card-red').first().waitFor()
    await page.getByRole('tab', { name: '督办' }).click()
    await page.getByTestId('card-table').waitFor()
    expect(await page.locator('[data-testid="card-table"] tr[data-card="red"]').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="league-table"] tbody tr').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('brief-link').getAttribute('href')).toMatch(
      /^\/brief\?since=\d{4}-\d{2}-\d{2}&lang=zh$/,
    )
    await page.getByTestId('investment').waitFor()
    await page.screenshot({ path: shot('duban-planner-cards') })
    // A red segment opens in the drawer with its lead unit, investment (sample values, labelled) and card.
    const firstRed = page.locator('[data-testid="card-table"] tr[data-card="red"][data-item-id^="r-"]').first()
    const redId = await firstRed.getAttribute('data-item-id')
    await firstRed.getByRole('button').click()
    const panel = page.locator(`[data-testid="segment-drawer"][data-segment-id="${redId}"] [data-testid="item-duban"]`)
    await panel.getByTestId('item-card-reasons').waitFor()
    expect(await panel.getByTestId('item-lead').textContent()).not.toBe('—')
    expect(await panel.getByText('示例数值（非官方）').count()).toBe(1)
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: shot('duban-drawer') })
    expect(problems).toEqual([])
    await context.close()
  }, 120_000)

  it('keeps the open 督办 tab’s order and league true to a colleague’s change', async () => {
    const { page, context, problems } = await openPage(h, { width: 1280, height: 1000 })
    await signIn(page, PLANNER)
    await page.getByRole('tab', { name: '督办' }).click()
    await page.getByTestId('card-table').waitFor()
    const session = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    type Cards = {
      items: {
        entity: string
        id: string
        status: string
        card: { colour: string; reasons: { kind: string }[] } | null
      }[]
      league: { red: number; yellow: number; overdueDays: number }[]
    }
    const readCards = async () => {
      const res = await fetch(`${h.origin}/trpc/duban.cards.list`, { headers: { cookie: session } })
      return ((await res.json()) as { result: { data: Cards } }).result.data
    }
    const shown = async () => ({
      items: await page
        .locator('[data-testid="card-table"] tbody tr')
        .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-item-id'), r.getAttribute('data-card')])),
      league: await page
        .locator('[data-testid="league-table"] tbody tr')
        .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td.num')].map((td) => Number(td.textContent)))),
    })
    const asShown = (c: Cards) => ({
      items: c.items.map((i) => [i.id, i.card?.colour ?? null]),
      league: c.league.map((r) => [r.red, r.yellow, r.overdueDays]),
    })
    const before = await readCards()
    await expect.poll(shown).toEqual(asShown(before))
    // A segment being built and red for lateness alone (no order behind it): finished, it leaves the
    // list and the league.
    const red = before.items.find(
      (i) =>
        i.entity === 'road_segment' &&
        i.status === 'under_construction' &&
        i.id !== segmentId &&
        i.card?.colour === 'red' &&
        i.card.reasons.every((r) => r.kind === 'late'),
    )!
    const { version } = (
      await h.db.query<{ version: number }>('SELECT version FROM road_segments WHERE id = $1', [red.id])
    ).rows[0]!
    await waitForLiveSubscribers(h.db)
    await mutate(h.origin, await plannerCookie(h.db, h.origin), 'edits.setStatus', {
      entity: 'road_segment',
      id: red.id,
      expectedVersion: version,
      to: 'completed',
      at: zoneToday(new Date()),
    })
    const after = await readCards()
    expect(after.items.some((i) => i.id === red.id)).toBe(false)
    // Without a click or a reload, the tab shows what a fresh read says: the row gone, the league recounted.
    await expect.poll(shown, { timeout: 5_000 }).toEqual(asShown(after))
    await page.screenshot({ path: shot('duban-cards-live') })
    expect(problems).toEqual([])
    await context.close()
  }, 120_000)
})
