import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ItemDubanPanel } from './duban/ItemDubanPanel.tsx'
import { ConflictNotice, DatesForm, type EditOutcome, SplitControl, StatusForm } from './EditForms.tsx'
import type { LonLat } from './measure.ts'
import { changedUnder, messageOf, useAccount, useHistory, useRefreshAfterEdit, useSegment } from './plan-data.ts'

interface DrawerProps {
  id: string
  canEdit: boolean
  isAdmin: boolean
  splitArmed: boolean
  splitPoint: LonLat | null
  onArmSplit: (armed: boolean) => void
  /** After any saved edit; `selectId` names the segment to show next (a split's first part). */
  onEdited: (selectId?: string) => void
  onClose: () => void
}

/** The selected segment: attributes, length, status history and (for planners) its edits. */
export function SegmentDrawer(props: DrawerProps) {
  const { t, i18n } = useTranslation()
  const segment = useSegment(props.id)
  const history = useHistory(props.id)
  const refresh = useRefreshAfterEdit()
  // The version the editor's view is based on: set when the segment is first shown, after one's own
  // edit and on an explicit reload, never silently, so a concurrent change is reported, not absorbed.
  const [base, setBase] = useState<{ id: string; version: number } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  // The planner has typed into an edit form since the segment was shown, saved or reloaded.
  const [typing, setTyping] = useState(false)
  // Bumped to reset the (untouched) forms to a colleague's new values.
  const [formEpoch, setFormEpoch] = useState(0)
  const me = useAccount().account?.name
  const s = segment.data

  useEffect(() => {
    if (s && base?.id !== s.id) setBase({ id: s.id, version: s.version })
  }, [s, base])
  useEffect(() => {
    setFailure(null)
    setTyping(false)
  }, [props.id])
  // The segment moved on under the drawer (the live stream re-read it). Untouched forms simply
  // follow; half-typed ones are kept and told who changed it, as a conflict on saving would. One's
  // own save is left to `saved`, which adopts the version the save returned.
  useEffect(() => {
    if (!s || !base || base.id !== s.id || s.version <= base.version || s.updatedBy === me) return
    if (typing) {
      setFailure(changedUnder(s))
    } else {
      setBase({ id: s.id, version: s.version })
      setFormEpoch((n) => n + 1)
    }
  }, [s, base, typing, me])

  if (segment.error) return <p role="alert" className="plan-error">{messageOf(segment.error)}</p>
  if (!s || !base || base.id !== s.id) return <p>{t('plan.table.loading')}</p>

  const saved = async (outcome: EditOutcome) => {
    setFailure(null)
    setTyping(false)
    if (outcome.version !== undefined) setBase({ id: s.id, version: outcome.version })
    await refresh()
    props.onEdited(outcome.parts?.[0])
  }
  const reload = async () => {
    const fresh = await segment.refetch()
    await history.refetch()
    if (fresh.data) setBase({ id: fresh.data.id, version: fresh.data.version })
    setFailure(null)
  }
  const editProps = { segment: s, baseVersion: base.version, isAdmin: props.isAdmin, onSaved: saved, onFailed: setFailure }
  const name = i18n.language === 'zh' ? s.nameZh : s.nameEn

  return (
    <section className="plan-drawer" data-testid="segment-drawer" data-segment-id={s.id} aria-labelledby="plan-drawer-title">
      <header>
        <h3 id="plan-drawer-title">{name}</h3>
        <button type="button" onClick={props.onClose} aria-label={t('plan.drawer.close')}>
          ×
        </button>
      </header>
      <dl className="plan-fields">
        <dt>{t('plan.drawer.id')}</dt>
        <dd>{s.id}</dd>
        <dt>{t('plan.drawer.status')}</dt>
        <dd data-testid="drawer-status">{t(`roadStatus.${s.status}`)}</dd>
        <dt>{t('plan.drawer.class')}</dt>
        <dd>{t(`roadClass.${s.roadClass}`)}</dd>
        <dt>{t('plan.drawer.length')}</dt>
        <dd data-testid="drawer-length">{t('plan.drawer.metres', { m: s.lengthM.toFixed(1) })}</dd>
        <dt>{t('plan.drawer.subDistrict')}</dt>
        <dd>{s.subDistrictName ?? '—'}</dd>
        <dt>{t('plan.drawer.planned')}</dt>
        <dd>{`${s.plannedStart ?? '—'} … ${s.plannedFinish ?? '—'}`}</dd>
        <dt>{t('plan.drawer.actual')}</dt>
        <dd>{`${s.actualStart ?? '—'} … ${s.actualFinish ?? '—'}`}</dd>
        <dt>{t('plan.drawer.schedule')}</dt>
        <dd>
          {t(`plan.schedule.${s.state}`)}
          {s.overdueDays ? ` · ${t('plan.drawer.overdue', { days: s.overdueDays })}` : ''}
          {s.latestStart ? ` · ${t('plan.drawer.latestStart', { date: s.latestStart })}` : ''}
        </dd>
        <dt>{t('plan.drawer.lastChange')}</dt>
        <dd>{t('plan.drawer.changedBy', { who: s.updatedBy, when: new Date(s.updatedAt).toLocaleString(), version: s.version })}</dd>
      </dl>
      <h4>{t('plan.drawer.history')}</h4>
      <ol className="plan-history" data-testid="drawer-history">
        {(history.data ?? []).map((e) => (
          <li key={e.id}>
            {e.happenedOn} · {e.from ? `${t(`roadStatus.${e.from}`)} → ` : ''}
            {t(`roadStatus.${e.to}`)} · {'actor' in e ? e.actor : ''}
            {'note' in e && e.note ? ` · ${e.note}` : ''}
          </li>
        ))}
      </ol>
      {failure !== null && <ConflictNotice error={failure} onReload={() => void reload()} />}
      {props.canEdit && (
        <div className="plan-edits" data-testid="edit-controls" onChange={() => setTyping(true)}>
          <StatusForm key={`status-${s.id}-${formEpoch}`} {...editProps} />
          <DatesForm key={`dates-${s.id}-${formEpoch}`} {...editProps} />
          <SplitControl key={`split-${s.id}`} {...editProps} armed={props.splitArmed} point={props.splitPoint} onArm={props.onArmSplit} />
        </div>
      )}
      <ItemDubanPanel entity="road_segment" id={s.id} canEdit={props.canEdit} />
    </section>
  )
}
