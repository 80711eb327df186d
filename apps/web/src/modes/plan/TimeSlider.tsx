import { addDays, daysBetween, zoneToday } from '@onemap/domain/dates'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { messageOf } from './plan-data.ts'

/** Playback advances this many days per tick. */
const PLAY_STEP_DAYS = 30
const PLAY_TICK_MS = 800

export interface StatusesOn {
  segments: ReadonlyMap<string, string>
  facilities: ReadonlyMap<string, string>
}
export const NO_STATUSES: StatusesOn = { segments: new Map(), facilities: new Map() }

/** The network and facilities as of any date since the programme start, with playback; hands the statuses to the map. */
export function TimeSlider({ onStatuses }: { onStatuses: (statuses: StatusesOn) => void }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const summary = useQuery(trpc.progress.summary.queryOptions())
  const start = summary.data?.programme.windowStart ?? '2020-08-02'
  const today = summary.data?.today ?? zoneToday(new Date())
  const [date, setDate] = useState(start)
  const [playing, setPlaying] = useState(false)
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= start && date <= today
  const asOf = useQuery({
    ...trpc.progress.asOf.queryOptions({ date }),
    enabled: valid,
    placeholderData: keepPreviousData,
  })

  const both = useMemo(() => {
    const of = (entity: string) =>
      new Map((asOf.data?.items ?? []).filter((i) => i.entity === entity).map((i) => [i.id, i.status]))
    return { segments: of('road_segment'), facilities: of('facility') }
  }, [asOf.data])
  const statuses = both.segments
  useEffect(() => {
    onStatuses(both)
  }, [both, onStatuses])
  useEffect(() => () => onStatuses(NO_STATUSES), [onStatuses])

  useEffect(() => {
    if (!playing) return
    const timer = setInterval(() => {
      setDate((d) => {
        const next = addDays(d, PLAY_STEP_DAYS)
        if (next >= today) setPlaying(false)
        return next > today ? today : next
      })
    }, PLAY_TICK_MS)
    return () => clearInterval(timer)
  }, [playing, today])

  const count = (m: ReadonlyMap<string, string>) => {
    const out: Record<string, number> = {}
    for (const s of m.values()) out[s] = (out[s] ?? 0) + 1
    return out
  }
  const counts = useMemo(() => count(statuses), [statuses])
  const facilityCounts = useMemo(() => count(both.facilities), [both.facilities])
  const shown = asOf.data && asOf.data.date === date ? asOf.data : undefined

  return (
    <section aria-labelledby="plan-time-title" className="plan-tool">
      <h3 id="plan-time-title">{t('plan.time.title')}</h3>
      <input
        type="range"
        aria-label={t('plan.time.slider')}
        min={0}
        max={daysBetween(start, today)}
        value={Math.max(0, daysBetween(start, valid ? date : start))}
        onChange={(e) => setDate(addDays(start, Number(e.target.value)))}
      />
      <div className="plan-filter-row">
        <label>
          {t('plan.time.date')}
          <input
            type="date"
            name="asOf"
            min={start}
            max={today}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <button
          type="button"
          aria-pressed={playing}
          onClick={() => (playing ? setPlaying(false) : (date >= today && setDate(start), setPlaying(true)))}
        >
          {playing ? t('plan.time.pause') : t('plan.time.play')}
        </button>
      </div>
      {asOf.error && (
        <p role="alert" className="plan-error">
          {messageOf(asOf.error)}
        </p>
      )}
      {shown && (
        <p data-testid="time-summary" data-date={shown.date} data-ratio={shown.roads.ratio ?? ''} aria-live="polite">
          {t('plan.time.summary', {
            date: shown.date,
            built: (shown.roads.completedM / 1000).toFixed(1),
            planned: (shown.roads.plannedM / 1000).toFixed(1),
            percent: ((shown.roads.ratio ?? 0) * 100).toFixed(1),
          })}
        </p>
      )}
      <ul className="plan-time-counts">
        {Object.entries(counts).map(([s, n]) => (
          <li key={s} data-status={s} data-count={n}>
            {t(`roadStatus.${s}`)}: {n}
          </li>
        ))}
      </ul>
      <ul className="plan-time-facility-counts" aria-label={t('plan.time.facilities')}>
        {Object.entries(facilityCounts).map(([s, n]) => (
          <li key={s} data-status={s} data-count={n}>
            {t('plan.time.facility', { status: t(`status.${s}`) })}: {n}
          </li>
        ))}
      </ul>
    </section>
  )
}
