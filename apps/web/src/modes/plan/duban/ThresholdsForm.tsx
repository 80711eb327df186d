import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import { messageOf } from '../plan-data.ts'

/** Admins edit the card thresholds (data, not code; docs/cards.md). */
export function ThresholdsForm() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const current = useQuery(trpc.duban.cards.thresholds.queryOptions())
  const [draft, setDraft] = useState<{ yellowDays: number; redDays: number; dueSoonDays: number } | null>(null)
  const save = useMutation(
    trpc.duban.cards.setThresholds.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.duban.pathFilter()),
    }),
  )
  const value = draft ?? current.data
  if (!value) return null
  const field = (key: keyof typeof value, label: string) => (
    <label>
      {label}
      <input
        type="number"
        min={0}
        value={value[key]}
        onChange={(e) => setDraft({ ...value, [key]: Number(e.target.value) })}
      />
    </label>
  )
  return (
    <form className="plan-edit" onSubmit={(e) => (e.preventDefault(), save.mutate(value))}>
      <h4>{t('duban.thresholdsForm.title')}</h4>
      <div className="plan-filter-row">
        {field('yellowDays', t('duban.thresholdsForm.yellow'))}
        {field('redDays', t('duban.thresholdsForm.red'))}
        {field('dueSoonDays', t('duban.thresholdsForm.soon'))}
      </div>
      <button type="submit" disabled={save.isPending}>
        {t('duban.thresholdsForm.save')}
      </button>
      {save.error && (
        <p role="alert" className="plan-error">
          {messageOf(save.error)}
        </p>
      )}
    </form>
  )
}
