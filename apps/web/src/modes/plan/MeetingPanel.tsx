import { addDays, zoneToday } from '@onemap/domain/dates'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { messageOf } from './plan-data.ts'

export interface ChangedIds {
  segments: ReadonlyMap<string, boolean>
  facilities: ReadonlyMap<string, boolean>
}
export const NO_CHANGES: ChangedIds = { segments: new Map(), facilities: new Map() }

/** Weekly meeting: every change entered since a date, as a list and as highlights on the map. */
export function MeetingPanel({ onChanged, onSelect }: { onChanged: (ids: ChangedIds) => void; onSelect: (segmentId: string) => void }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  // The weekly meeting looks back one week by default.
  const [since, setSince] = useState(() => addDays(zoneToday(new Date()), -7))
  const changes = useQuery(trpc.progress.changesSince.queryOptions({ since, limit: 1000 }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(since) }))
  const ids = useMemo<ChangedIds>(() => {
    const rows = changes.data ?? []
    return {
      segments: new Map(rows.filter((r) => r.entity === 'road_segment').map((r) => [r.entityId, true])),
      facilities: new Map(rows.filter((r) => r.entity === 'facility').map((r) => [r.entityId, true])),
    }
  }, [changes.data])
  useEffect(() => {
    onChanged(ids)
  }, [ids, onChanged])
  useEffect(() => () => onChanged(NO_CHANGES), [onChanged])

  return (
    <section aria-labelledby="plan-meeting-title" className="plan-tool">
      <h3 id="plan-meeting-title">{t('plan.meeting.title')}</h3>
      <label>
        {t('plan.meeting.since')}
        <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
      {changes.error && <p role="alert" className="plan-error">{messageOf(changes.error)}</p>}
      <p data-testid="meeting-count">{t('plan.meeting.count', { count: changes.data?.length ?? 0 })}</p>
      <ol className="plan-changes" data-testid="meeting-list">
        {(changes.data ?? []).map((c) => {
          const status = (s: string) => t(c.entity === 'road_segment' ? `roadStatus.${s}` : `status.${s}`)
          const text = `${c.happenedOn} · ${c.entityId} · ${c.from ? `${status(c.from)} → ` : ''}${status(c.to)}${'actor' in c ? ` · ${c.actor}` : ''}`
          return (
            <li key={c.id} data-entity-id={c.entityId}>
              {c.entity === 'road_segment' ? (
                <button type="button" className="plan-row-link" onClick={() => onSelect(c.entityId)}>
                  {text}
                </button>
              ) : (
                text
              )}
              {'note' in c && c.note ? <span className="plan-note"> · {c.note}</span> : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
