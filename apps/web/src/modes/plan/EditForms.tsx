import { zoneToday } from '@onemap/domain/dates'
import { ROAD_SEGMENT_STATUSES } from '@onemap/domain/statuses'
import { forwardTargets } from '@onemap/domain/transitions'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import type { LonLat } from './measure.ts'
import { conflictOf, messageOf, type SegmentDetail } from './plan-data.ts'

export interface EditOutcome {
  /** The version the edit produced, or the parts a split made. */
  version?: number
  parts?: [string, string]
}

interface EditProps {
  segment: SegmentDetail
  /** The version the editor's view is based on; a stale one makes the API answer CONFLICT. */
  baseVersion: number
  isAdmin: boolean
  onSaved: (outcome: EditOutcome) => void
  onFailed: (err: unknown) => void
}

/** Status change with its site date and a note. Admins may also pick a backwards "correction". */
export function StatusForm({ segment, baseVersion, isAdmin, onSaved, onFailed }: EditProps) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const forward = forwardTargets('road_segment', segment.status, segment.suspendedFrom)
  const targets = isAdmin ? ROAD_SEGMENT_STATUSES.filter((s) => s !== segment.status) : forward
  const [to, setTo] = useState('')
  const [at, setAt] = useState(() => zoneToday(new Date()))
  const [note, setNote] = useState('')
  const save = useMutation(trpc.edits.setStatus.mutationOptions({ onSuccess: (r) => onSaved({ version: r.version }), onError: onFailed }))
  const chosen = targets.includes(to as never) ? to : (targets[0] ?? '')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate({ entity: 'road_segment', id: segment.id, expectedVersion: baseVersion, to: chosen, at, ...(note.trim() ? { note } : {}) })
  }
  if (targets.length === 0) return <p>{t('plan.edit.noTransition')}</p>
  return (
    <form className="plan-edit" onSubmit={submit} aria-label={t('plan.edit.statusTitle')}>
      <h4>{t('plan.edit.statusTitle')}</h4>
      <label>
        {t('plan.edit.newStatus')}
        <select name="to" value={chosen} onChange={(e) => setTo(e.target.value)}>
          {targets.map((s) => (
            <option key={s} value={s}>
              {t(`roadStatus.${s}`)}
              {!forward.includes(s) ? ` (${t('plan.edit.correction')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('plan.edit.at')}
        <input name="at" type="date" value={at} max={zoneToday(new Date())} onChange={(e) => setAt(e.target.value)} required />
      </label>
      <label>
        {t('plan.edit.note')}
        <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('plan.edit.saveStatus')}
      </button>
    </form>
  )
}

/** Planned start and finish. */
export function DatesForm({ segment, baseVersion, onSaved, onFailed }: EditProps) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [start, setStart] = useState(segment.plannedStart ?? '')
  const [finish, setFinish] = useState(segment.plannedFinish ?? '')
  const save = useMutation(trpc.edits.updateDates.mutationOptions({ onSuccess: (r) => onSaved({ version: r.version }), onError: onFailed }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate({ entity: 'road_segment', id: segment.id, expectedVersion: baseVersion, plannedStart: start || null, plannedFinish: finish || null })
  }
  return (
    <form className="plan-edit" onSubmit={submit} aria-label={t('plan.edit.datesTitle')}>
      <h4>{t('plan.edit.datesTitle')}</h4>
      <label>
        {t('plan.edit.plannedStart')}
        <input name="plannedStart" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
      </label>
      <label>
        {t('plan.edit.plannedFinish')}
        <input name="plannedFinish" type="date" value={finish} onChange={(e) => setFinish(e.target.value)} />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('plan.edit.saveDates')}
      </button>
    </form>
  )
}

/** Splitting at a point clicked on the map: arm, click, confirm. */
export function SplitControl(props: EditProps & { armed: boolean; point: LonLat | null; onArm: (armed: boolean) => void }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const { segment, baseVersion, point } = props
  const split = useMutation(trpc.edits.splitSegment.mutationOptions({ onSuccess: (r) => props.onSaved({ parts: r.parts }), onError: props.onFailed }))
  return (
    <div className="plan-edit">
      <h4>{t('plan.edit.splitTitle')}</h4>
      {!props.armed && (
        <button type="button" onClick={() => props.onArm(true)}>
          {t('plan.edit.splitArm')}
        </button>
      )}
      {props.armed && !point && <p role="status">{t('plan.edit.splitClick')}</p>}
      {props.armed && point && (
        <p>
          {t('plan.edit.splitAt', { lon: point[0].toFixed(6), lat: point[1].toFixed(6) })}{' '}
          <button type="button" disabled={split.isPending} onClick={() => split.mutate({ id: segment.id, expectedVersion: baseVersion, lon: point[0], lat: point[1] })}>
            {t('plan.edit.splitConfirm')}
          </button>
        </p>
      )}
      {props.armed && (
        <button type="button" onClick={() => props.onArm(false)}>
          {t('plan.edit.cancel')}
        </button>
      )}
    </div>
  )
}

/** Names who changed the segment under the editor and offers to reload it; the forms keep what was typed. */
export function ConflictNotice({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation()
  const conflict = conflictOf(error)
  if (!conflict) {
    return (
      <p role="alert" className="plan-error">
        {t('plan.edit.failed', { message: messageOf(error) })}
      </p>
    )
  }
  return (
    <div role="alert" className="plan-conflict" data-testid="plan-conflict">
      <p>{t('plan.edit.conflict', { who: conflict.updatedBy, when: new Date(conflict.updatedAt).toLocaleString(), version: conflict.version })}</p>
      <button type="button" onClick={onReload}>
        {t('plan.edit.reload')}
      </button>
    </div>
  )
}
