import { parseFeed } from '@rowanmanning/feed-parser'
import { callerAs, openFixtureDatabase, PLANNER } from '@onemap/api/testing/fixture'
import { testBackend, type TestDatabase } from '@onemap/db/testing'
import { XMLValidator } from 'fast-xml-parser'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../app.ts'

let db: TestDatabase
let app: FastifyInstance
beforeAll(async () => {
  db = await openFixtureDatabase()
  app = await createServer({ db })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

/** Fetches a feed, checks it is well-formed XML served as Atom, and parses it with a real feed parser. */
async function atom(url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { host: 'onemap.test' } })
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/)
  expect(XMLValidator.validate(res.body)).toBe(true)
  expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
  return { body: res.body, feed: parseFeed(res.body) }
}

describe(`Atom feeds of public changes (${testBackend})`, () => {
  it('are valid Atom and carry each new edit, without who made it or the note', async () => {
    const before = await atom('/feeds/programme.atom')
    expect(before.feed.meta.type).toBe('atom')
    const seen = before.feed.items.length

    await callerAs(db, PLANNER).edits.setStatus({
      entity: 'facility',
      id: 'f1',
      expectedVersion: 1,
      to: 'started',
      at: '2021-05-01',
      note: 'private-note-xyz',
    })
    const after = await atom('/feeds/programme.atom')
    expect(after.feed.items).toHaveLength(seen + 1)
    const [entry] = after.feed.items
    expect(entry?.title).toBe('f1：规划 → 开工')
    expect(entry?.url).toBe('http://onemap.test/facility/f1?lang=zh')
    expect(after.body).not.toContain('private-note-xyz')
    expect(after.body).not.toContain(PLANNER.name)
    // A programme feed leaves out facilities outside the programme; the facility's own feed has the entry.
    const own = await atom('/feeds/facility/f1.atom?lang=en')
    expect(own.feed.language).toBe('en')
    expect(own.feed.items.map((i) => i.title)).toEqual(['f1: Planned → Started'])
    expect((await atom('/feeds/facility/f2.atom')).feed.items).toHaveLength(0)
  })

  it('follow a road through all its segments and a sub-district by where each item lies', async () => {
    // s3 runs 34.80–34.81 N: its midpoint lies in the fixture's sub-district; f1…f3 sit south of it.
    await callerAs(db, PLANNER).edits.setStatus({
      entity: 'road_segment',
      id: 's3',
      expectedVersion: 1,
      to: 'under_construction',
      at: '2021-05-02',
      note: 'n',
    })
    const road = await atom('/feeds/road/rd.atom')
    expect(road.feed.title).toBe('高新一张图 · 测试路 建设进展')
    expect(road.feed.items.map((i) => i.title)).toContain('测试路：规划 → 在建')
    expect(road.feed.items[0]?.url).toBe('http://onemap.test/road/rd?lang=zh')
    const area = await atom('/feeds/sub-district/410172560.atom')
    expect(area.feed.items.map((i) => i.title)).toEqual(['测试路：规划 → 在建'])
  })

  it('answer 404 for an unknown subject and 400 naming a bad parameter', async () => {
    const get = (url: string) => app.inject({ method: 'GET', url })
    const missing = await get('/feeds/facility/nope.atom')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().description).toBe("No facility with id 'nope'")
    expect((await get('/feeds/road/nope.atom')).statusCode).toBe(404)
    expect((await get('/feeds/sub-district/410100000.atom')).statusCode).toBe(404)
    const lang = await get('/feeds/programme.atom?lang=fr')
    expect(lang.statusCode).toBe(400)
    expect(lang.json().description).toMatch(/lang/)
    expect((await get('/feeds/programme.atom?x=1')).statusCode).toBe(400)
    expect((await get('/feeds/sub-district/abc.atom')).statusCode).toBe(400)
    expect((await get('/feeds/facility/f1.rss')).statusCode).toBe(400)
  })
})
