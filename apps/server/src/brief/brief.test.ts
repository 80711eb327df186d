import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashPassword } from '@onemap/api/passwords'
import { openDubanFixture } from '@onemap/api/testing/duban-fixture'
import { callerAs, PLANNER } from '@onemap/api/testing/fixture'
import { createAccount } from '@onemap/db/queries/accounts'
import type { TestDatabase } from '@onemap/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'
import { loadEnv } from '../env.ts'
import { briefHtml } from './make.ts'
import { ChromiumMissing, htmlToPdf } from './pdf.ts'

let db: TestDatabase
const later = () => new Date('2021-06-05T04:00:00Z')
beforeAll(async () => {
  db = await openDubanFixture()
  // An order on road 'rd' due 2021-06-02: three days overdue on 2021-06-05, so every segment of the road is red.
  await callerAs(db, PLANNER).duban.orders.issue({
    items: [{ entity: 'road', id: 'rd' }],
    unitId: 'unit-a',
    request: '测试路全线开工',
    dueOn: '2021-06-02',
  })
})
afterAll(async () => {
  await db?.close()
})

describe('the weekly meeting brief', () => {
  it('is produced headless as a PDF whose text holds the KPIs, the red list with its unit and the data stamp', async () => {
    const html = await briefHtml(db, { since: '2021-05-01', lang: 'zh' }, undefined, later)
    const pdf = await htmlToPdf(html, loadEnv().CHROMIUM_PATH)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const file = join(mkdtempSync(join(tmpdir(), 'onemap-brief-')), 'brief.pdf')
    writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('周例会材料')
    // KPIs of the fixture: no segment built (0 of 4.4 km) and no school started (0 of 3).
    expect(text).toMatch(/规划道路建成率\s[\s\S]*公共设施开工率/)
    expect(text).toMatch(/已建成 0\.0 \/ 4\.4 公里/)
    expect(text).toMatch(/已开工 0 \/ 3 处/)
    expect(text).toContain('红黄牌项目')
    for (const id of ['s1', 's2', 's3', 's4']) expect(text).toContain(id)
    expect(text).toMatch(/红牌\s+测试路/)
    expect(text).toContain('枫杨街道办事处')
    expect(text).toMatch(/督办单 #\d+ 逾期 3 天/)
    expect(text).toContain('数据截至')
  }, 60_000)

  it('says clearly when Chromium is missing', async () => {
    await expect(htmlToPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toThrow(ChromiumMissing)
    await expect(htmlToPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toThrow(
      /apt-get install chromium fonts-noto-cjk.*CHROMIUM_PATH/,
    )
  })

  it('is served at /brief to signed-in accounts only, with bad requests named', async () => {
    await createAccount(db, {
      name: 'brief-planner',
      role: 'planner',
      passwordHash: await hashPassword('brief-planner-pw'),
    })
    const app = await createServer({ db })
    try {
      expect((await app.inject({ method: 'GET', url: '/brief?since=2021-05-01' })).statusCode).toBe(401)
      const login = await app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        headers: { 'content-type': 'application/json', host: 'onemap.test' },
        payload: JSON.stringify({ name: 'brief-planner', password: 'brief-planner-pw' }),
      })
      const cookie = `onemap_session=${login.cookies.find((c) => c.name === 'onemap_session')!.value}`
      const ok = await app.inject({
        method: 'GET',
        url: '/brief?since=2021-05-01&area=410172560&lang=en',
        headers: { cookie },
      })
      expect(ok.statusCode).toBe(200)
      expect(ok.headers['content-type']).toContain('text/html')
      expect(ok.body).toContain('Weekly meeting brief')
      expect(ok.body).toContain('<svg')
      expect((await app.inject({ method: 'GET', url: '/brief?since=yesterday', headers: { cookie } })).statusCode).toBe(
        400,
      )
      expect(
        (await app.inject({ method: 'GET', url: '/brief?since=2021-05-01&area=999999999', headers: { cookie } }))
          .statusCode,
      ).toBe(404)
    } finally {
      await app.close()
    }
  })
})
