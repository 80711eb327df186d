import { zoneToday } from '@onemap/domain/dates'
import { FACILITY_STATUSES, ROAD_SEGMENT_STATUSES } from '@onemap/domain/statuses'
import { forwardTargets } from '@onemap/domain/transitions'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { type EditableItem, statusKey } from './plan-data.ts'
import type { EditOutcome, EditSession } from './use-edit-session.ts'

/** How long the server lets a planner undo their own last change (packages/api/src/undo.ts). */
const UNDO_WINDOW_MS = 10 * 60 * 1000

export interface EditProps {
  item: EditableItem
  /** The version the editor's view is based on; a stale one makes the API answer CONFLICT. */
  baseVersion: number
  isAdmin: boolean
  onSaved: (outcome: EditOutcome) => void
  onFailed: (err: unknown) => void
}

/** Status change with its site date and a note. Admins may also pick a backwards "correction". */
export function StatusForm({ item, baseVersion, isAdmin, onSaved, onFailed }: EditProps) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const all: readonly string[] = item.entity === 'road_segment' ? ROAD_SEGMENT_STATUSES : FACILITY_STATUSES
  const forward = forwardTargets(item.entity, item.status, item.suspendedFrom)
  const targets = isAdmin ? all.filter((s) => s !== item.status) : forward
  const [to, setTo] = useState('')
  const [at, setAt] = useState(() => zoneToday(new Date()))
  const [note, setNote] = useState('')
  // No preselected step: after a save the form must not offer the next one for a second click. A
  // choice stays when the item changes under a half-filled form; saving it then answers CONFLICT.
  const chosen = to
  const options = to && !targets.includes(to) ? [to, ...targets] : targets
  const save = useMutation(
    trpc.edits.setStatus.mutationOptions({
      onSuccess: (r) =>
        onSaved({
          version: r.version,
          eventIds: [r.eventId],
          saved: { from: item.status, to: r.status, at, version: r.version, savedAt: Date.now() },
        }),
      onError: onFailed,
    }),
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate({
      entity: item.entity,
      id: item.id,
      expectedVersion: baseVersion,
      to: chosen,
      at,
      ...(note.trim() ? { note } : {}),
    })
  }
  if (targets.length === 0) return <p>{t('plan.edit.noTransition')}</p>
  return (
    <form className="plan-edit" onSubmit={submit} aria-label={t('plan.edit.statusTitle')}>
      <h4>{t('plan.edit.statusTitle')}</h4>
      <label>
        {t('plan.edit.newStatus')}
        <select name="to" value={chosen} onChange={(e) => setTo(e.target.value)} required>
          <option value="" disabled>
            {t('plan.edit.choose')}
          </option>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(statusKey(item.entity, s))}
              {!forward.includes(s) ? ` (${t('plan.edit.correction')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('plan.edit.at')}
        <input
          name="at"
          type="date"
          value={at}
          max={zoneToday(new Date())}
          onChange={(e) => setAt(e.target.value)}
          required
        />
      </label>
      <label>
        {t('plan.edit.note')}
        <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} />
      </label>
      <button type="submit" disabled={save.isPending || !chosen}>
        {t('plan.edit.saveStatus')}
      </button>
    </form>
  )
}

/** Confirms the last saved status change and offers to undo it while the server still allows. */
export function SavedNotice({ item, session }: { item: EditableItem; session: EditSession }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const saved = session.saved
  const undo = useMutation(
    trpc.edits.undo.mutationOptions({
      onSuccess: (r) =>
        saved &&
        void session.onSaved({
          version: r.version,
          eventIds: [r.eventId],
          saved: { ...saved, version: r.version, undone: true },
        }),
      onError: session.setFailure,
    }),
  )
  if (!saved) return null
  if (saved.undone) {
    return (
      <p role="status" className="plan-saved" data-testid="plan-saved">
        {t('plan.edit.undone', { status: t(statusKey(item.entity, saved.from)) })}
      </p>
    )
  }
  const canUndo = item.version === saved.version && Date.now() - saved.savedAt < UNDO_WINDOW_MS
  return (
    <div role="status" className="plan-saved" data-testid="plan-saved">
      <p>
        {t('plan.edit.saved', {
          from: t(statusKey(item.entity, saved.from)),
          to: t(statusKey(item.entity, saved.to)),
          at: saved.at,
        })}
      </p>
      {canUndo && (
        <button
          type="button"
          disabled={undo.isPending}
          onClick={() => undo.mutate({ entity: item.entity, id: item.id, expectedVersion: session.baseVersion })}
        >
          {t('plan.edit.undo')}
        </button>
      )}
    </div>
  )
}
