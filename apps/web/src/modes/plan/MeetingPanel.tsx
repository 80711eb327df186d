import { addDays, zoneToday } from '@onemap/domain/dates'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { DeadlinePanel } from './DeadlinePanel.tsx'
import { type Entity, messageOf, statusKey, usePlaceName } from './plan-data.ts'

export interface ChangedIds {
  segments: ReadonlyMap<string, boolean>
  facilities: ReadonlyMap<string, boolean>
}
export const NO_CHANGES: ChangedIds = { segments: new Map(), facilities: new Map() }
const FIGURES = ['started', 'finished', 'slipped', 'becameOverdue'] as const
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

/**
 * Weekly meeting (重点项目周例会): what happened on site since a date (by default the last meeting),
 * grouped by sub-district with the meeting's figures, as a list and as highlights on the map.
 */
export function MeetingPanel({
  onChanged,
  onSelect,
  canEdit,
  isAdmin,
}: {
  onChanged: (ids: ChangedIds) => void
  onSelect: (entity: Entity, id: string) => void
  canEdit: boolean
  isAdmin: boolean
}) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const placeName = usePlaceName()
  const today = zoneToday(new Date())
  const last = useQuery(trpc.meeting.last.queryOptions())
  const [since, setSince] = useState(() => addDays(today, -7))
  const [until, setUntil] = useState('')
  const [includeLoaded, setIncludeLoaded] = useState(false)
  const input = { since, includeLoaded, ...(isDate(until) ? { until } : {}) }
  const changes = useQuery(
    trpc.progress.changesSince.queryOptions({ ...input, limit: 1000 }, { enabled: isDate(since) }),
  )
  const figures = useQuery(trpc.meeting.figures.queryOptions(input, { enabled: isDate(since) }))
  const mark = useMutation(
    trpc.meeting.mark.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.meeting.last.pathFilter()),
    }),
  )
  const ids = useMemo<ChangedIds>(() => {
    const rows = changes.data ?? []
    return {
      segments: new Map(
        rows
          .filter((r) => r.entity === 'road_segment')
          .flatMap((r) => [r.entityId, ...(r.parts ?? [])])
          .map((id) => [id, true]),
      ),
      facilities: new Map(rows.filter((r) => r.entity === 'facility').map((r) => [r.entityId, true])),
    }
  }, [changes.data])
  useEffect(() => onChanged(ids), [ids, onChanged])
  useEffect(() => () => onChanged(NO_CHANGES), [onChanged])
  const groups = useMemo(() => {
    const out = new Map<string, NonNullable<typeof changes.data>>()
    for (const c of changes.data ?? []) {
      const key = c.subDistrictCode ?? ''
      out.set(key, [...(out.get(key) ?? []), c])
    }
    return [...out.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))
  }, [changes.data])
  const name = (c: { nameZh: string | null; nameEn: string | null; entityId: string }) =>
    (i18n.language === 'zh' ? c.nameZh : c.nameEn) ?? c.entityId

  return (
    <section aria-labelledby="plan-meeting-title" className="plan-tool">
      <h3 id="plan-meeting-title">{t('plan.meeting.title')}</h3>
      <div className="plan-filter-row">
        <label>
          {t('plan.meeting.since')}
          <input type="date" name="since" value={since} max={today} onChange={(e) => setSince(e.target.value)} />
        </label>
        <label>
          {t('plan.meeting.until')}
          <input
            type="date"
            name="until"
            value={until}
            min={since}
            max={today}
            onChange={(e) => setUntil(e.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={!last.data}
          onClick={() => last.data && setSince(last.data.heldOn)}
          data-testid="since-last-meeting"
        >
          {last.data ? t('plan.meeting.sinceLast', { date: last.data.heldOn }) : t('plan.meeting.noMeeting')}
        </button>
        {canEdit && (
          <button type="button" disabled={mark.isPending} onClick={() => mark.mutate({})}>
            {t('plan.meeting.markToday')}
          </button>
        )}
      </div>
      <label className="plan-check">
        <input
          type="checkbox"
          name="includeLoaded"
          checked={includeLoaded}
          onChange={(e) => setIncludeLoaded(e.target.checked)}
        />
        {t('plan.meeting.includeLoaded')}
      </label>
      {(changes.error ?? figures.error) && (
        <p role="alert" className="plan-error">
          {messageOf(changes.error ?? figures.error)}
        </p>
      )}
      {figures.data && (
        <ul className="plan-figures" data-testid="meeting-figures">
          {FIGURES.map((f) => (
            <li key={f} data-figure={f} data-count={figures.data[f].length}>
              <strong>{figures.data[f].length}</strong> {t(`plan.meeting.figure.${f}`)}
            </li>
          ))}
        </ul>
      )}
      <p data-testid="meeting-count">{t('plan.meeting.count', { count: changes.data?.length ?? 0 })}</p>
      <div data-testid="meeting-list">
        {groups.map(([code, rows]) => (
          <section key={code} className="plan-meeting-group" data-sub-district={code}>
            <h4>{code ? placeName(code, rows[0]?.subDistrictName ?? null) : t('plan.meeting.noPlace')}</h4>
            <ol className="plan-changes">
              {rows.map((c) => {
                const status = (s: string) => t(statusKey(c.entity, s))
                const change = c.parts
                  ? t('plan.meeting.split', { parts: c.parts.join(', ') })
                  : c.from === c.to
                    ? t('plan.meeting.replanned')
                    : `${c.from ? `${status(c.from)} → ` : ''}${status(c.to)}`
                return (
                  <li key={c.id} data-entity-id={c.entityId} data-kind={c.kind}>
                    <button
                      type="button"
                      className="plan-row-link"
                      onClick={() => onSelect(c.entity, c.parts?.[0] ?? c.entityId)}
                    >
                      {c.happenedOn} · {name(c)}
                    </button>{' '}
                    <span className="plan-id-inline">{c.entityId}</span> · {change}
                    {'actor' in c ? ` · ${c.actor}` : ''}
                    {'note' in c && c.note && !c.parts ? <span className="plan-note"> · {c.note}</span> : null}
                  </li>
                )
              })}
            </ol>
          </section>
        ))}
      </div>
      <DeadlinePanel isAdmin={isAdmin} />
    </section>
  )
}
