import { zoneToday } from '@onemap/domain/dates'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { useIndicators } from '../../indicators/use-indicators.ts'
import { messageOf } from './plan-data.ts'

/**
 * Marks a work-report milestone done on a date with its evidence (a document, a meeting record), or
 * reopens it; version-checked and audited like indicator values.
 */
export function MilestonePanel({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const overview = useIndicators({ live: true })
  const milestones = overview.data?.milestones ?? []
  const [id, setId] = useState('ywtg-shifo-rules')
  const [doneOn, setDoneOn] = useState(() => zoneToday(new Date()))
  const [evidence, setEvidence] = useState('')
  const chosen = milestones.find((m) => m.id === id)
  const save = useMutation(trpc.indicators.setMilestone.mutationOptions({ onSuccess: () => void overview.refetch() }))
  const submit = (e: FormEvent, reopen: boolean) => {
    e.preventDefault()
    if (!chosen) return
    save.mutate({
      id,
      expectedVersion: chosen.version,
      doneOn: reopen ? null : doneOn,
      evidence: reopen ? null : evidence.trim(),
    })
  }
  return (
    <section aria-labelledby="plan-milestones-title" className="plan-tool" data-testid="milestone-panel">
      <h3 id="plan-milestones-title">{t('indicators.edit.milestoneHeading')}</h3>
      <form className="plan-edit" onSubmit={(e) => submit(e, false)}>
        <label>
          {t('indicators.edit.milestone')}
          <select value={id} onChange={(e) => setId(e.target.value)}>
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>
                {i18n.language === 'zh' ? m.name_zh : m.name_en}
              </option>
            ))}
          </select>
        </label>
        {chosen && (
          <p className="plan-note">
            {t(`indicators.milestone.${chosen.status}`)} · {t('indicators.due', { date: chosen.dueOn })}
            {chosen.doneOn && ` · ${t('indicators.doneOn', { date: chosen.doneOn })}`}
            {chosen.evidence && ` · ${t('indicators.evidence', { evidence: chosen.evidence })}`}
          </p>
        )}
        <label>
          {t('indicators.edit.doneOn')}
          <input type="date" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} required name="doneOn" />
        </label>
        <label>
          {t('indicators.edit.evidenceField')}
          <input
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            required
            minLength={2}
            maxLength={2000}
            name="evidence"
          />
        </label>
        <button type="submit" disabled={!canEdit || save.isPending}>
          {t('indicators.edit.markDone')}
        </button>
        {chosen?.doneOn && (
          <button type="button" disabled={!canEdit || save.isPending} onClick={(e) => submit(e, true)}>
            {t('indicators.edit.reopen')}
          </button>
        )}
        {save.error && (
          <p role="alert" className="plan-error">
            {messageOf(save.error)}
          </p>
        )}
      </form>
    </section>
  )
}
