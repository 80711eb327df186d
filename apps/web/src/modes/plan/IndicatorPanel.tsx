import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { byCategory, withUnit } from '../../indicators/indicator-format.ts'
import { useIndicators } from '../../indicators/use-indicators.ts'
import { messageOf } from './plan-data.ts'

const PERIOD_EXAMPLE = { annual: '2020', quarterly: '2020-Q3', monthly: '2020-08' } as const

/**
 * Workbench tab for indicators: pick an indicator and a period, see the value stored for it (and
 * whether it is a sample), enter or correct it. The save sends the version seen, so two planners
 * correcting the same period cannot overwrite each other unseen; the server keeps who and when.
 */
export function IndicatorPanel({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const overview = useIndicators({ live: true })
  const indicators = overview.data?.indicators ?? []
  const [id, setId] = useState('fixed-asset-investment')
  const [period, setPeriod] = useState('')
  const [value, setValue] = useState('')
  const [note, setNote] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const chosen = indicators.find((i) => i.id === id)
  const values = useQuery(trpc.indicators.values.queryOptions({ id }))
  const current = values.data?.find((v) => v.period === period.trim())
  const name = chosen ? (i18n.language === 'zh' ? chosen.name_zh : chosen.name_en) : id
  const save = useMutation(
    trpc.indicators.setValue.mutationOptions({
      onSuccess: (r) => {
        setSaved(t('indicators.edit.saved', { name, period: r.period, value: r.value }))
        setValue('')
        setNote('')
        void queryClient.invalidateQueries({ queryKey: trpc.indicators.values.queryKey({ id }) })
      },
    }),
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(null)
    save.mutate({
      id,
      period: period.trim(),
      value: Number(value),
      expectedVersion: current?.version ?? 0,
      ...(note.trim() ? { note } : {}),
    })
  }
  return (
    <section aria-labelledby="plan-indicators-title" className="plan-tool" data-testid="indicator-panel">
      <h3 id="plan-indicators-title">{t('indicators.edit.heading')}</h3>
      <form className="plan-edit" onSubmit={submit}>
        <label>
          {t('indicators.edit.indicator')}
          <select value={id} onChange={(e) => (setId(e.target.value), setSaved(null))}>
            {byCategory(indicators).map((g) => (
              <optgroup key={g.category} label={t(`indicators.category.${g.category}`)}>
                {g.rows.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i18n.language === 'zh' ? i.name_zh : i.name_en}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t('indicators.edit.period')} (
          {t('indicators.edit.periodHint', { example: chosen ? PERIOD_EXAMPLE[chosen.cadence] : '2020' })})
          <input value={period} onChange={(e) => setPeriod(e.target.value)} required maxLength={10} name="period" />
        </label>
        <p className="plan-note" data-testid="indicator-current">
          {!current
            ? t('indicators.edit.none')
            : current.isSample
              ? t('indicators.edit.currentSample', {
                  value: withUnit(current.value, chosen?.unit ?? '', i18n.language),
                })
              : t('indicators.edit.current', {
                  value: withUnit(current.value, chosen?.unit ?? '', i18n.language),
                  version: current.version,
                  who: current.updatedBy,
                  when: current.updatedAt,
                })}
        </p>
        <label>
          {t('indicators.edit.value', { unit: chosen?.unit ?? '' })}
          <input
            type="number"
            step="any"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
            name="value"
          />
        </label>
        <label>
          {t('indicators.edit.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} name="note" />
        </label>
        <button type="submit" disabled={!canEdit || save.isPending}>
          {t('indicators.edit.save')}
        </button>
        {save.error && (
          <p role="alert" className="plan-error">
            {messageOf(save.error)}
          </p>
        )}
        {saved && <p role="status">{saved}</p>}
      </form>
      <p className="plan-note">{t('indicators.edit.importHint')}</p>
    </section>
  )
}
