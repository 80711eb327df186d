import { useMutation } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import type { LonLat } from './measure.ts'
import { conflictOf, type EditableItem, messageOf } from './plan-data.ts'
import { type EditProps, SavedNotice, StatusForm } from './StatusForm.tsx'
import type { EditSession } from './use-edit-session.ts'

/**
 * 调整计划: a revised planned start/finish with its reason. The 2020 baseline dates are never
 * edited; lateness is then read against both.
 */
export function RevisedPlanForm({ item, baseVersion, onSaved, onFailed }: EditProps) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [start, setStart] = useState(item.revisedStart ?? '')
  const [finish, setFinish] = useState(item.revisedFinish ?? '')
  const [reason, setReason] = useState('')
  const save = useMutation(
    trpc.edits.revisePlan.mutationOptions({
      onSuccess: (r) => onSaved({ version: r.version, eventIds: [r.eventId] }),
      onError: onFailed,
    }),
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate({
      entity: item.entity,
      id: item.id,
      expectedVersion: baseVersion,
      revisedStart: start || null,
      revisedFinish: finish || null,
      reason,
    })
  }
  return (
    <form className="plan-edit" onSubmit={submit} aria-label={t('plan.edit.revisedTitle')}>
      <h4>{t('plan.edit.revisedTitle')}</h4>
      <div className="plan-filter-row">
        <label>
          {t('plan.edit.revisedStart')}
          <input name="revisedStart" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          {t('plan.edit.revisedFinish')}
          <input name="revisedFinish" type="date" value={finish} onChange={(e) => setFinish(e.target.value)} />
        </label>
      </div>
      <label>
        {t('plan.edit.reason')}
        <input
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          minLength={3}
          maxLength={2000}
          required
        />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('plan.edit.saveRevised')}
      </button>
    </form>
  )
}

/** Splitting at a point clicked on the map (marked there): arm, click, confirm. */
export function SplitControl(
  props: EditProps & { armed: boolean; point: LonLat | null; onArm: (armed: boolean) => void },
) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const { item, baseVersion, point } = props
  const split = useMutation(
    trpc.edits.splitSegment.mutationOptions({
      onSuccess: (r) => props.onSaved({ parts: r.parts, eventIds: r.eventIds }),
      onError: props.onFailed,
    }),
  )
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
          <button
            type="button"
            disabled={split.isPending}
            onClick={() => split.mutate({ id: item.id, expectedVersion: baseVersion, lon: point[0], lat: point[1] })}
          >
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

/** Names who changed the item under the editor and offers to reload it; the forms keep what was typed. */
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
      <p>
        {t('plan.edit.conflict', {
          who: conflict.updatedBy,
          when: new Date(conflict.updatedAt).toLocaleString(),
          version: conflict.version,
        })}
      </p>
      <button type="button" onClick={onReload}>
        {t('plan.edit.reload')}
      </button>
    </div>
  )
}

/** The drawer's editing part: conflict or save notices, then (for planners) the status and plan forms. */
export function EditPanel({
  item,
  session,
  canEdit,
  isAdmin,
  children,
}: {
  item: EditableItem
  session: EditSession
  canEdit: boolean
  isAdmin: boolean
  children?: ReactNode
}) {
  const editProps = {
    item,
    baseVersion: session.baseVersion,
    isAdmin,
    onSaved: (o: Parameters<EditProps['onSaved']>[0]) => void session.onSaved(o),
    onFailed: session.setFailure,
  }
  const key = `${item.entity}-${item.id}-${session.formEpoch}`
  return (
    <>
      {session.failure !== null && <ConflictNotice error={session.failure} onReload={() => void session.reload()} />}
      <SavedNotice item={item} session={session} />
      {canEdit && (
        <div className="plan-edits" data-testid="edit-controls" onChange={() => session.setTyping(true)}>
          <StatusForm key={`status-${key}`} {...editProps} />
          <RevisedPlanForm key={`plan-${key}`} {...editProps} />
          {children}
        </div>
      )}
    </>
  )
}
