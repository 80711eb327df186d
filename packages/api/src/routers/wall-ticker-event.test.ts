import { changeEventById } from '@onemap/db/queries/events'
import { isTickerNews } from '@onemap/domain/change-event'
import { describe, expect, it } from 'vitest'
import { callerAs, openFixtureDatabase, PLANNER } from '../testing/fixture.ts'

const ON = new Date('2021-09-01T04:00:00Z')

describe('a change event and the wall ticker', () => {
  it('carries every field of the ticker line the next ticker read returns for it', async () => {
    const db = await openFixtureDatabase()
    try {
      const p = callerAs(db, PLANNER, ON)
      const facility = await p.edits.setStatus({
        entity: 'facility',
        id: 'f1',
        expectedVersion: 1,
        to: 'started',
        at: '2021-03-05',
      })
      const segment = await p.edits.setStatus({
        entity: 'road_segment',
        id: 's2',
        expectedVersion: 1,
        to: 'under_construction',
        at: '2021-05-01',
        note: 'site meeting',
      })
      const ticker = await callerAs(db, null).wall.ticker({ limit: 10 })
      for (const id of [segment.eventId, facility.eventId]) {
        const event = await changeEventById(db, id)
        expect(event && isTickerNews(event)).toBe(true)
        const { layer: _l, layerVersion: _v, item: _i, ...line } = event!
        expect(ticker.find((r) => r.id === id)).toEqual(line)
      }
      // Only public fields: no actor, no note.
      expect(JSON.stringify(await changeEventById(db, segment.eventId))).not.toMatch(/planner|site meeting/)
    } finally {
      await db.close()
    }
  })

  it('names no item that has no name, so no ticker line is built from it', async () => {
    const db = await openFixtureDatabase()
    try {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind)
         VALUES ('facility', 'gone', 'planned', 'started', '2021-02-01', 'test', 'edit') RETURNING id::int`,
      )
      const event = await changeEventById(db, rows[0]!.id)
      expect(event).toMatchObject({ entityId: 'gone', nameZh: null, nameEn: null })
      expect(isTickerNews(event!)).toBe(false)
      expect((await callerAs(db, null).wall.ticker({ limit: 10 })).map((r) => r.entityId)).not.toContain('gone')
    } finally {
      await db.close()
    }
  })
})
