import { join } from 'node:path'
import { hashPassword } from '@onemap/api/passwords'
import { createAccount } from '@onemap/db/queries/accounts'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, openPage, RESULTS_DIR, startHarness } from './harness.ts'

let h: Harness
const shot = (name: string) => join(RESULTS_DIR, `${name}.png`)

beforeAll(async () => {
  h = await startHarness()
  await createAccount(h.db, {
    name: 'admin-zhou',
    role: 'admin',
    passwordHash: await hashPassword('admin-zhou-secret'),
  })
  await createAccount(h.db, {
    name: 'planner-li',
    role: 'planner',
    passwordHash: await hashPassword('plan-li-secret-1'),
  })
})
afterAll(async () => {
  await h?.close()
})

async function signIn(page: Page, name: string, password: string) {
  await page.goto(`${h.origin}/plan`)
  await page.getByLabel('账号').fill(name)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.getByTestId('plan-account').waitFor()
}

const liveSessions = async (name: string) =>
  (
    await h.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.name = $1 AND s.expires_at > now()',
      [name],
    )
  ).rows[0]!.n

describe('accounts panel in /plan', () => {
  it('is not offered to planners', async () => {
    const { page, context } = await openPage(h)
    await signIn(page, 'planner-li', 'plan-li-secret-1')
    await page.getByRole('tab', { name: '筛选与列表' }).waitFor()
    expect(await page.getByRole('tab', { name: '账号管理' }).count()).toBe(0)
    await context.close()
  })

  it('lets an admin add a planner, see the session, disable the account and so end it', async () => {
    // Its own account, new on every run of this case (a retry finds the last attempt's account disabled).
    const name = `planner-new-${Date.now().toString(36)}`
    const admin = await openPage(h)
    await signIn(admin.page, 'admin-zhou', 'admin-zhou-secret')
    await admin.page.getByRole('tab', { name: '账号管理' }).click()
    const panel = admin.page.getByRole('region', { name: '账号管理' })
    await panel.locator('tr[data-account="planner-li"]').waitFor()

    const form = panel.getByRole('form', { name: '新增账号' })
    await form.getByLabel('账号').fill(name)
    await form.getByLabel('角色').selectOption('planner')
    await form.getByRole('button', { name: '创建' }).click()
    const notice = panel.getByTestId('accounts-notice')
    await notice.filter({ hasText: name }).waitFor()
    const password = /新密码：(\S+)（/.exec((await notice.textContent()) ?? '')?.[1]
    expect(password).toHaveLength(18)
    await panel.locator(`tr[data-account="${name}"]`).waitFor()

    // The new planner signs in elsewhere with the password the admin passed on.
    const planner = await openPage(h)
    await signIn(planner.page, name, password!)
    expect(await liveSessions(name)).toBe(1)
    await admin.page.getByRole('tab', { name: '筛选与列表' }).click()
    await admin.page.getByRole('tab', { name: '账号管理' }).click()
    const row = panel.locator(`tr[data-account="${name}"]`)
    await row.getByTestId('account-sessions').filter({ hasText: '1' }).waitFor()
    await admin.page.screenshot({ path: shot('accounts-panel'), fullPage: true })

    // Disabling asks first (it signs the account out everywhere).
    const asked: string[] = []
    admin.page.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.accept()
    })
    await row.getByRole('button', { name: '停用' }).click()
    await panel.locator(`tr[data-account="${name}"][data-disabled="true"]`).waitFor()
    await row.getByTestId('account-sessions').filter({ hasText: '0' }).waitFor()
    expect(await liveSessions(name)).toBe(0)
    expect(asked).toEqual([`停用账号 ${name}？其所有会话将立即结束。`])
    await panel.getByTestId('account-events').getByText(`admin-zhou → ${name}：停用`).waitFor()
    await admin.page.screenshot({ path: shot('accounts-disabled'), fullPage: true })

    // The planner's page is signed out: a reload shows the sign-in form, and signing in is refused.
    await planner.page.reload()
    await planner.page.getByRole('button', { name: '登录', exact: true }).waitFor()
    await planner.page.getByLabel('账号').fill(name)
    await planner.page.getByLabel('密码').fill(password!)
    await planner.page.getByRole('button', { name: '登录', exact: true }).click()
    await planner.page.getByRole('alert').filter({ hasText: 'Wrong name or password' }).waitFor()

    const { rows } = await h.db.query<{ actor: string; action: string }>(
      'SELECT actor, action FROM account_events WHERE account = $1 ORDER BY id',
      [name],
    )
    expect(rows).toEqual([
      { actor: 'admin-zhou', action: 'create' },
      { actor: 'admin-zhou', action: 'disable' },
    ])
    expect(admin.problems).toEqual([])
    await admin.context.close()
    await planner.context.close()
  })
})
