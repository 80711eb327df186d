import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlarmItem, Alarms } from './wall-figures.ts'

/** How long a newly raised alarm pulses: long enough for a duty officer who looked away to notice. */
const PULSE_MS = 5 * 60_000
// The most urgent levels pulse when they appear: red cards, and until cards exist every late item.
const PULSING_LEVELS = new Set(['red', 'late'])

/** Rows shown: as many as fit at the wall's text size. */
export const ALARM_ROWS = 8

interface AlarmRow {
  key: string
  first: AlarmItem
  keys: string[]
}

/**
 * One row per road rather than per segment: the segments of a road share its name, and six rows of
 * "合欢街" would tell a duty officer less than one row saying how many of its segments are late.
 */
function groupByName(items: readonly AlarmItem[]): AlarmRow[] {
  const rows = new Map<string, AlarmRow>()
  for (const a of items) {
    const group = a.entity === 'road_segment' ? `road:${a.nameZh}` : `${a.entity}:${a.id}`
    const key = `${a.entity}:${a.id}`
    const row = rows.get(group)
    if (row) row.keys.push(key)
    else rows.set(group, { key: group, first: a, keys: [key] })
  }
  return [...rows.values()]
}

/** Ids that appeared after the first reading, with the time they appeared; none at start-up (nothing is "new" then). */
function useArrivals(ids: readonly string[] | undefined): Map<string, number> {
  const seen = useRef<Map<string, number> | null>(null)
  return useMemo(() => {
    if (!ids) return seen.current ?? new Map()
    const before = seen.current
    const next = new Map<string, number>()
    for (const id of ids) next.set(id, before ? (before.get(id) ?? Date.now()) : 0)
    seen.current = next
    return next
  }, [ids?.join('\n')])
}

/**
 * What needs action, first: the most late programme items by the shared lateness measure (the 督办 red
 * and yellow cards once they exist), a sound-free pulse on a newly raised alarm, and the open and
 * overdue supervision orders per responsible unit once orders exist.
 */
export function AlarmPanel({ alarms, now }: { alarms: Alarms | undefined; now: number }) {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const arrivals = useArrivals(alarms?.items.map((a) => `${a.entity}:${a.id}`))
  const fresh = (key: string) => now - (arrivals.get(key) ?? 0) < PULSE_MS
  const rows = useMemo(() => groupByName(alarms?.items ?? []).slice(0, ALARM_ROWS), [alarms])
  const isNew = (row: AlarmRow) => PULSING_LEVELS.has(row.first.level) && row.keys.some(fresh)
  const anyFresh = rows.some(isNew)
  return (
    <section
      className={`wall-panel wall-alarms${anyFresh ? ' is-alerting' : ''}`}
      data-testid="alarm-panel"
      aria-live="polite"
    >
      <header>
        <h2>{t(alarms?.source === 'cards' ? 'wall.alarms.titleCards' : 'wall.alarms.titleLate')}</h2>
        {alarms && <p className="wall-alarms-total">{t('wall.alarms.total', { count: alarms.total })}</p>}
      </header>
      {alarms && alarms.items.length === 0 && <p className="wall-alarms-none">{t('wall.alarms.none')}</p>}
      <ol>
        {rows.map((row) => {
          const a = row.first
          return (
            <li
              key={row.key}
              data-alarm={row.keys.map((k) => k.split(':')[1]).join(' ')}
              data-level={a.level}
              className={`wall-alarm level-${a.level}${isNew(row) ? ' is-new' : ''}`}
            >
              <span className="wall-alarm-kind">
                {t(a.entity === 'facility' ? 'wall.alarms.facility' : 'wall.alarms.road')}
              </span>
              <span className="wall-alarm-name">
                {(en && a.nameEn) || a.nameZh}
                {row.keys.length > 1 && <small>{t('wall.alarms.segments', { count: row.keys.length })}</small>}
              </span>
              <b className="wall-alarm-days">{t('wall.alarms.days', { days: a.days })}</b>
            </li>
          )
        })}
      </ol>
      {alarms?.orders && alarms.orders.length > 0 && (
        <table className="wall-orders" data-testid="orders-by-unit">
          <caption>{t('wall.alarms.orders')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wall.alarms.unit')}</th>
              <th scope="col">{t('wall.alarms.open')}</th>
              <th scope="col">{t('wall.alarms.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {alarms.orders.map((o) => (
              <tr key={o.unitId}>
                <th scope="row">{en ? o.unitNameEn : o.unitNameZh}</th>
                <td>{o.open}</td>
                <td>{o.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
