import type { Lateness } from '@onemap/domain/lateness'
import { useTranslation } from 'react-i18next'
import { type Entity, statusKey, useHistory } from './plan-data.ts'

interface LatenessFields {
  lateness: Lateness | null
  latenessRevised: Lateness | null
  suspendedSince: string | null
}

/**
 * "比基线晚 N 天，比调整计划晚 M 天" with what the baseline figure is made of (docs/lateness.md):
 * the same measure the table sorts by.
 */
export function LatenessText({ row }: { row: LatenessFields }) {
  const { t } = useTranslation()
  const base = row.lateness
  const revised = row.latenessRevised
  if (!base) return <span data-testid="drawer-lateness">{t('plan.lateness.finished')}</span>
  const parts = [t('plan.lateness.baseline', { days: base.days })]
  if (revised) parts.push(t('plan.lateness.revised', { days: revised.days }))
  const detail =
    base.basis === 'suspended'
      ? t('plan.lateness.suspended', {
          days: base.daysSuspended,
          since: row.suspendedSince ?? '—',
          finish: base.daysPastFinish,
        })
      : t(`plan.lateness.${base.basis}`)
  return (
    <span data-testid="drawer-lateness" data-baseline-days={base.days} data-revised-days={revised?.days ?? ''}>
      {parts.join(t('plan.lateness.separator'))}
      <span className="plan-note"> · {detail}</span>
    </span>
  )
}

/** The note the API writes for a revised plan (edits.revisePlan): old and new dates, then the reason. */
const REVISED_NOTE = /^revised plan (\S+) → (\S+): ([\s\S]*)$/

/** The item's audit trail, oldest first: date, change, who, note (an undo names what it reverses). */
export function ItemHistory({ entity, id }: { entity: Entity; id: string }) {
  const { t } = useTranslation()
  const history = useHistory(entity, id)
  return (
    <>
      <h4>{t('plan.drawer.history')}</h4>
      <ol className="plan-history" data-testid="drawer-history">
        {(history.data ?? []).map((e) => (
          <li key={e.id} data-kind={e.kind} data-undoes={'undoes' in e && e.undoes ? e.undoes : undefined}>
            {e.happenedOn} · {e.from && e.from !== e.to ? `${t(statusKey(entity, e.from))} → ` : ''}
            {t(statusKey(entity, e.to))} · {'actor' in e ? e.actor : ''}
            {'undoes' in e && e.undoes ? ` · ${t('plan.drawer.undoOf')}` : ''}
            <Note kind={e.kind} note={'note' in e ? e.note : null} />
          </li>
        ))}
      </ol>
    </>
  )
}

/** An event's note in the UI's language where the app wrote it; a planner's own words as typed. */
function Note({ kind, note }: { kind: string; note: string | null }) {
  const { t } = useTranslation()
  // Seed notes are sample-data provenance in one language; say what they are in the UI's.
  if (kind === 'seed') return ` · ${t('plan.drawer.seedNote')}`
  const revised = note ? REVISED_NOTE.exec(note) : null
  if (revised) return ` · ${t('plan.drawer.revisedEntry', { from: revised[1], to: revised[2], reason: revised[3] })}`
  return note ? ` · ${note}` : null
}

/** Baseline and revised plan side by side: the baseline is the 2020 plan and never changes. */
export function PlanDates({
  row,
}: {
  row: {
    plannedStart: string | null
    plannedFinish: string | null
    revisedStart: string | null
    revisedFinish: string | null
  }
}) {
  const { t } = useTranslation()
  return (
    <>
      <dt>{t('plan.drawer.baseline')}</dt>
      <dd>{`${row.plannedStart ?? '—'} … ${row.plannedFinish ?? '—'}`}</dd>
      <dt>{t('plan.drawer.revised')}</dt>
      <dd data-testid="drawer-revised">
        {row.revisedStart || row.revisedFinish
          ? `${row.revisedStart ?? '—'} … ${row.revisedFinish ?? '—'}`
          : t('plan.drawer.noRevision')}
      </dd>
    </>
  )
}
