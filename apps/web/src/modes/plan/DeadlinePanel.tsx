import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { messageOf } from './plan-data.ts'

/**
 * The programme's 2020 deadline and, beside it, the revised one in force (admins set it with a
 * reason). Progress and goal figures everywhere stay on the 2020 deadline.
 */
export function DeadlinePanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const deadlines = useQuery(trpc.meeting.deadlines.queryOptions())
  const [deadline, setDeadline] = useState('')
  const [reason, setReason] = useState('')
  const save = useMutation(
    trpc.meeting.reviseDeadline.mutationOptions({
      onSuccess: async () => {
        setDeadline('')
        setReason('')
        await queryClient.invalidateQueries(trpc.meeting.deadlines.pathFilter())
        await queryClient.invalidateQueries(trpc.progress.summary.pathFilter())
      },
    }),
  )
  const submit = (e: FormEvent) => (e.preventDefault(), save.mutate({ deadline, reason }))
  const d = deadlines.data
  const current = d?.revisions[0]
  return (
    <section className="plan-tool" aria-labelledby="plan-deadline-title">
      <h3 id="plan-deadline-title">{t('plan.deadline.title')}</h3>
      {d && (
        <p data-testid="programme-deadlines">
          {t('plan.deadline.original', { date: d.original })}
          {current ? ` · ${t('plan.deadline.revised', { date: current.deadline, reason: current.reason })}` : ''}
        </p>
      )}
      {isAdmin && (
        <form className="plan-filter-row" onSubmit={submit} aria-label={t('plan.deadline.set')}>
          <label>
            {t('plan.deadline.newDate')}
            <input
              type="date"
              name="deadline"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
              required
            />
          </label>
          <label>
            {t('plan.edit.reason')}
            <input
              name="deadline-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              minLength={3}
              required
            />
          </label>
          <button type="submit" disabled={save.isPending}>
            {t('plan.deadline.set')}
          </button>
        </form>
      )}
      {save.error && (
        <p role="alert" className="plan-error">
          {messageOf(save.error)}
        </p>
      )}
    </section>
  )
}
