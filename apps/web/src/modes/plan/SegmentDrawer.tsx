import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EditPanel, SplitControl } from './EditForms.tsx'
import { ItemHistory, LatenessText, PlanDates } from './ItemFacts.tsx'
import { ItemDubanPanel } from './duban/ItemDubanPanel.tsx'
import type { LonLat } from './measure.ts'
import { type EditableItem, messageOf, type SegmentDetail, useHistory, usePlaceName, useSegment } from './plan-data.ts'
import { useEditSession } from './use-edit-session.ts'

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

const editable = (s: SegmentDetail): EditableItem => ({ ...s, entity: 'road_segment' })

/** The selected segment: attributes, lateness, history and (for planners) its edits. */
export function SegmentDrawer(props: DrawerProps) {
  const { t, i18n } = useTranslation()
  const segment = useSegment(props.id)
  const history = useHistory('road_segment', props.id)
  const placeName = usePlaceName()
  const s = segment.data
  const item = useMemo(() => s && editable(s), [s])
  const session = useEditSession(
    item,
    async () => {
      const fresh = await segment.refetch()
      await history.refetch()
      return fresh.data && editable(fresh.data)
    },
    props.onEdited,
  )

  if (segment.error)
    return (
      <p role="alert" className="plan-error">
        {messageOf(segment.error)}
      </p>
    )
  if (!s || !item || !session.ready) return <p>{t('plan.table.loading')}</p>
  const name = i18n.language === 'zh' ? s.nameZh : s.nameEn

  return (
    <section
      className="plan-drawer"
      data-testid="segment-drawer"
      data-segment-id={s.id}
      aria-labelledby="plan-drawer-title"
    >
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
        <dd>{placeName(s.subDistrictCode, s.subDistrictName)}</dd>
        <PlanDates row={s} />
        <dt>{t('plan.drawer.actual')}</dt>
        <dd>{`${s.actualStart ?? '—'} … ${s.actualFinish ?? '—'}`}</dd>
        <dt>{t('plan.drawer.lateness')}</dt>
        <dd>
          <LatenessText row={s} />
        </dd>
        <dt>{t('plan.drawer.schedule')}</dt>
        <dd>
          {t(`plan.schedule.${s.state}`)}
          {s.latestStart ? ` · ${t('plan.drawer.latestStart', { date: s.latestStart })}` : ''}
        </dd>
        <dt>{t('plan.drawer.lastChange')}</dt>
        <dd>
          {t('plan.drawer.changedBy', {
            who: s.updatedBy,
            when: new Date(s.updatedAt).toLocaleString(),
            version: s.version,
          })}
        </dd>
      </dl>
      <ItemHistory entity="road_segment" id={s.id} />
      <EditPanel item={item} session={session} canEdit={props.canEdit} isAdmin={props.isAdmin}>
        <SplitControl
          key={`split-${s.id}`}
          item={item}
          baseVersion={session.baseVersion}
          isAdmin={props.isAdmin}
          onSaved={(o) => void session.onSaved(o)}
          onFailed={session.setFailure}
          armed={props.splitArmed}
          point={props.splitPoint}
          onArm={props.onArmSplit}
        />
      </EditPanel>
      <ItemDubanPanel entity="road_segment" id={s.id} canEdit={props.canEdit} />
    </section>
  )
}
