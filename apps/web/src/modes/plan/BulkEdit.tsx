import { zoneToday } from '@onemap/domain/dates'
import { forwardTargets } from '@onemap/domain/transitions'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { markEventsApplied } from '../../api/use-live-events.ts'
import { conflictOf, messageOf, useRefreshAfterEdit } from './plan-data.ts'
import type { Ticked } from './SegmentTable.tsx'

/** The ids the API's CONFLICT message names (each quoted), for a message in the UI's language. */
const staleIds = (message: string) => [...message.matchAll(/'([^']+)'/g)].map((m) => m[1]).join('、')

/**
 * One status change for every ticked segment (same current status): one event each, all or none —
 * a segment changed meanwhile by anyone makes the server refuse the whole batch.
 */
export function BulkEdit({ ticked, onClear, onSaved }: { ticked: Ticked; onClear: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useRefreshAfterEdit()
  const rows = [...ticked.values()]
  const statuses = new Set(rows.map((r) => r.status))
  const from = statuses.size === 1 ? rows[0]!.status : null
  const targets = from ? forwardTargets('road_segment', from) : []
  const [to, setTo] = useState('')
  const [at, setAt] = useState(() => zoneToday(new Date()))
  const [note, setNote] = useState('')
  const [done, setDone] = useState<number | null>(null)
  const chosen = targets.includes(to) ? to : (targets[0] ?? '')
  const save = useMutation(
    trpc.edits.setStatusMany.mutationOptions({
      onSuccess: async (r) => {
        setDone(r.length)
        setNote('')
        onClear()
        markEventsApplied(r.map((x) => x.eventId))
        // The table takes the changes from their echoes on the live stream (see usePlanLive).
        await refresh(
          rows.map((row) => ({ entity: 'road_segment' as const, entityId: row.id })),
          true,
        )
        onSaved()
      },
      // Someone changed a ticked segment: show the table as it now is.
      onError: () => void refresh(),
    }),
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setDone(null)
    save.mutate({
      items: rows.map((r) => ({ entity: 'road_segment' as const, id: r.id, expectedVersion: r.version })),
      to: chosen,
      at,
      ...(note.trim() ? { note } : {}),
    })
  }
  if (rows.length === 0) {
    return done !== null ? (
      <p role="status" className="plan-saved" data-testid="bulk-done">
        {t('plan.bulk.done', { count: done })}
      </p>
    ) : null
  }
  return (
    <form className="plan-edit plan-bulk" data-testid="bulk-edit" onSubmit={submit} aria-label={t('plan.bulk.title')}>
      <h4>{t('plan.bulk.title')}</h4>
      <p data-testid="bulk-count">{t('plan.bulk.count', { count: rows.length })}</p>
      {!from && (
        <p role="alert" className="plan-error">
          {t('plan.bulk.mixed')}
        </p>
      )}
      {from && (
        <div className="plan-filter-row">
          <label>
            {t('plan.edit.newStatus')}
            <select name="bulk-to" value={chosen} onChange={(e) => setTo(e.target.value)}>
              {targets.map((s) => (
                <option key={s} value={s}>
                  {t(`roadStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plan.edit.at')}
            <input
              name="bulk-at"
              type="date"
              value={at}
              max={zoneToday(new Date())}
              onChange={(e) => setAt(e.target.value)}
              required
            />
          </label>
          <label>
            {t('plan.edit.note')}
            <input name="bulk-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </label>
        </div>
      )}
      {save.error && (
        <p role="alert" className="plan-error" data-testid="bulk-error">
          {conflictOf(save.error)
            ? t('plan.bulk.conflict', { ids: staleIds(messageOf(save.error)) })
            : t('plan.bulk.failed', { message: messageOf(save.error) })}
        </p>
      )}
      <div className="plan-filter-row">
        <button type="submit" disabled={!from || !chosen || save.isPending}>
          {t('plan.bulk.save', { count: rows.length })}
        </button>
        <button type="button" onClick={onClear}>
          {t('plan.bulk.clear')}
        </button>
      </div>
    </form>
  )
}
