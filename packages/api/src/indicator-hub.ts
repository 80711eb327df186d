import { EventEmitter } from 'node:events'
import type { Database } from '@onemap/db/database'

/**
 * A committed indicator value or milestone change, as live clients receive it (no actor, no note).
 * subjectId '*' (id 0) means changes may have been missed: re-read everything.
 */
export interface IndicatorChange {
  id: number
  subject: 'indicator' | 'milestone'
  subjectId: string
  period: string | null
  to: string | null
}

/** The trigger in migration 006 sends this JSON on channel 'onemap_indicators'. */
interface Payload {
  id: number
  subject: 'indicator' | 'milestone'
  subject_id: string
  period: string | null
  to: string | null
}

export const INDICATORS_CHANNEL = 'onemap_indicators'

/**
 * One database LISTEN per process for indicator changes, fanned out to every open wall and page
 * through an EventEmitter ('change'); after the listening connection was re-established, one change
 * with subjectId '*' tells clients to re-read.
 */
export class IndicatorHub extends EventEmitter {
  private listening: Promise<unknown> | undefined

  constructor(private readonly db: Database) {
    super()
    // Each open screen adds a listener; there is no leak to warn about.
    this.setMaxListeners(0)
  }

  /** Resolves once the database listens. */
  async ready(): Promise<void> {
    try {
      this.listening ??= this.db.listen(INDICATORS_CHANNEL, (raw) => this.dispatch(raw), {
        onReconnect: () =>
          this.emit('change', {
            id: 0,
            subject: 'indicator',
            subjectId: '*',
            period: null,
            to: null,
          } satisfies IndicatorChange),
      })
      await this.listening
    } catch (err) {
      this.listening = undefined
      throw err
    }
  }

  private dispatch(raw: string) {
    let p: Payload
    try {
      p = JSON.parse(raw) as Payload
    } catch {
      return
    }
    this.emit('change', {
      id: Number(p.id),
      subject: p.subject,
      subjectId: p.subject_id,
      period: p.period,
      to: p.to,
    } satisfies IndicatorChange)
  }
}

const hubs = new WeakMap<Database, IndicatorHub>()

/** The one indicator hub of a database object. */
export function indicatorHubFor(db: Database): IndicatorHub {
  let hub = hubs.get(db)
  if (!hub) hubs.set(db, (hub = new IndicatorHub(db)))
  return hub
}
