import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EditPanel } from './EditForms.tsx'
import { ItemDubanPanel } from './duban/ItemDubanPanel.tsx'
import { ItemHistory, LatenessText, PlanDates } from './ItemFacts.tsx'
import {
  type EditableItem,
  type FacilityDetail,
  messageOf,
  useFacility,
  useHistory,
  usePlaceName,
} from './plan-data.ts'
import { useEditSession } from './use-edit-session.ts'

const editable = (f: FacilityDetail): EditableItem => ({ ...f, entity: 'facility' })

/** The selected facility: attributes, lateness, history and (for planners) status and plan edits. */
export function FacilityDrawer(props: {
  id: string
  canEdit: boolean
  isAdmin: boolean
  onEdited: () => void
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const facility = useFacility(props.id)
  const history = useHistory('facility', props.id)
  const placeName = usePlaceName()
  const f = facility.data
  const item = useMemo(() => f && editable(f), [f])
  const session = useEditSession(
    item,
    async () => {
      const fresh = await facility.refetch()
      await history.refetch()
      return fresh.data && editable(fresh.data)
    },
    props.onEdited,
  )

  if (facility.error)
    return (
      <p role="alert" className="plan-error">
        {messageOf(facility.error)}
      </p>
    )
  if (!f || !item || !session.ready) return <p>{t('plan.table.loading')}</p>
  return (
    <section
      className="plan-drawer"
      data-testid="facility-drawer"
      data-facility-id={f.id}
      aria-labelledby="plan-facility-title"
    >
      <header>
        <h3 id="plan-facility-title">{i18n.language === 'zh' ? f.nameZh : f.nameEn}</h3>
        <button type="button" onClick={props.onClose} aria-label={t('plan.drawer.close')}>
          ×
        </button>
      </header>
      <dl className="plan-fields">
        <dt>{t('plan.drawer.id')}</dt>
        <dd>{f.id}</dd>
        <dt>{t('plan.drawer.kind')}</dt>
        <dd>{t(`kind.${f.kind}`)}</dd>
        <dt>{t('plan.drawer.status')}</dt>
        <dd data-testid="drawer-status">{t(`status.${f.status}`)}</dd>
        <dt>{t('plan.drawer.capacity')}</dt>
        <dd>{f.capacity !== null && f.capacityUnit ? t(`capacity.${f.capacityUnit}`, { count: f.capacity }) : '—'}</dd>
        <dt>{t('plan.drawer.subDistrict')}</dt>
        <dd>{placeName(f.subDistrictCode, f.subDistrictName)}</dd>
        <dt>{t('plan.drawer.programme')}</dt>
        <dd>{t(f.inProgramme ? 'plan.facilities.inProgramme' : 'plan.facilities.context')}</dd>
        <PlanDates row={f} />
        <dt>{t('plan.drawer.actual')}</dt>
        <dd>{`${f.actualStart ?? '—'} … ${f.actualFinish ?? '—'}`}</dd>
        <dt>{t('plan.drawer.lateness')}</dt>
        <dd>
          <LatenessText row={f} />
        </dd>
        <dt>{t('plan.drawer.schedule')}</dt>
        <dd>{t(`plan.schedule.${f.state}`)}</dd>
        <dt>{t('plan.drawer.lastChange')}</dt>
        <dd>
          {t('plan.drawer.changedBy', {
            who: f.updatedBy,
            when: new Date(f.updatedAt).toLocaleString(),
            version: f.version,
          })}
        </dd>
      </dl>
      <ItemHistory entity="facility" id={f.id} />
      <EditPanel item={item} session={session} canEdit={props.canEdit} isAdmin={props.isAdmin} />
      <ItemDubanPanel entity="facility" id={f.id} canEdit={props.canEdit} />
    </section>
  )
}
