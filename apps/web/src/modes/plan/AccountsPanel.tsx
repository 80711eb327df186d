import './accounts.css'
import { ROLES, type Role } from '@onemap/domain/statuses'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { messageOf } from './plan-data.ts'

/** What the last action left to say: a generated password (shown once), a confirmation or a refusal. */
type Notice =
  | { kind: 'password'; name: string; password: string }
  | { kind: 'saved'; name: string }
  | { kind: 'error'; message: string }

/** Account management for admins: list, add, role, password reset, disable/enable, end sessions. */
export function AccountsPanel() {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  // Sign-ins and other admins change these at any time: re-read on opening the tab and every 30 s.
  const fresh = { refetchOnMount: 'always', refetchInterval: 30_000 } as const
  const accounts = useQuery(trpc.accounts.list.queryOptions(undefined, fresh))
  const events = useQuery(trpc.accounts.events.queryOptions({ limit: 10 }, fresh))
  const [notice, setNotice] = useState<Notice | null>(null)
  const done = (name: string) => (result: object) => {
    const generated = 'generatedPassword' in result ? (result.generatedPassword as string | null) : null
    setNotice(generated ? { kind: 'password', name, password: generated } : { kind: 'saved', name })
    void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() })
  }
  const failed = (err: unknown) => setNotice({ kind: 'error', message: messageOf(err) })
  const options = { onError: failed }
  const add = useMutation(trpc.accounts.add.mutationOptions(options))
  const setRole = useMutation(trpc.accounts.setRole.mutationOptions(options))
  const reset = useMutation(trpc.accounts.resetPassword.mutationOptions(options))
  const setDisabled = useMutation(trpc.accounts.setDisabled.mutationOptions(options))
  const endSessions = useMutation(trpc.accounts.endSessions.mutationOptions(options))

  return (
    <section className="plan-accounts" aria-labelledby="plan-accounts-title">
      <h2 id="plan-accounts-title">{t('plan.accounts.title')}</h2>
      <p>{t('plan.accounts.intro')}</p>
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={notice.kind === 'error' ? 'plan-error' : 'plan-accounts-notice'}
          data-testid="accounts-notice"
        >
          {notice.kind === 'password'
            ? t('plan.accounts.generated', { name: notice.name, password: notice.password })
            : notice.kind === 'saved'
              ? t('plan.accounts.saved', { name: notice.name })
              : t('plan.accounts.failed', { message: notice.message })}
        </p>
      )}
      {accounts.error && (
        <p className="plan-error">{t('plan.accounts.failed', { message: messageOf(accounts.error) })}</p>
      )}
      <table className="plan-table plan-accounts-table">
        <thead>
          <tr>
            <th>{t('plan.accounts.name')}</th>
            <th>{t('plan.accounts.role')}</th>
            <th>{t('plan.accounts.state')}</th>
            <th className="num">{t('plan.accounts.sessions')}</th>
            <th>{t('plan.accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(accounts.data ?? []).map((a) => (
            <tr key={a.name} data-account={a.name} data-disabled={a.disabled}>
              <td className="plan-accounts-nowrap">{a.name}</td>
              <td>
                <RoleSelect
                  label={`${t('plan.accounts.role')} ${a.name}`}
                  value={a.role}
                  onChange={(role) => setRole.mutate({ name: a.name, role }, { onSuccess: done(a.name) })}
                />
              </td>
              <td className="plan-accounts-nowrap">
                {a.disabled ? t('plan.accounts.disabled') : t('plan.accounts.enabled')}
              </td>
              <td className="num" data-testid="account-sessions">
                {a.sessions}
              </td>
              <td className="plan-accounts-actions">
                <button
                  type="button"
                  onClick={() =>
                    (a.disabled || window.confirm(t('plan.accounts.confirmDisable', { name: a.name }))) &&
                    setDisabled.mutate({ name: a.name, disabled: !a.disabled }, { onSuccess: done(a.name) })
                  }
                >
                  {a.disabled ? t('plan.accounts.enable') : t('plan.accounts.disable')}
                </button>
                <button
                  type="button"
                  disabled={a.sessions === 0}
                  onClick={() => endSessions.mutate({ name: a.name }, { onSuccess: done(a.name) })}
                >
                  {t('plan.accounts.endSessions')}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    window.confirm(t('plan.accounts.confirmReset', { name: a.name })) &&
                    reset.mutate({ name: a.name }, { onSuccess: done(a.name) })
                  }
                >
                  {t('plan.accounts.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddAccountForm onAdd={(input) => add.mutate(input, { onSuccess: done(input.name) })} pending={add.isPending} />
      <h3>{t('plan.accounts.events')}</h3>
      <ul className="plan-accounts-events" data-testid="account-events">
        {(events.data ?? []).map((e) => (
          <li key={e.id}>
            {t('plan.accounts.event', {
              time: zoneTime(e.happenedAt, i18n.language),
              actor: e.actor,
              account: e.account,
              action: t(`plan.accounts.action.${e.action}`),
            })}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A moment in the zone's own time (Asia/Shanghai), whatever the browser's time zone. */
function zoneTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' })
}

function RoleSelect({ label, value, onChange }: { label: string; value: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation()
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`plan.role.${r}`)}
        </option>
      ))}
    </select>
  )
}

function AddAccountForm({
  onAdd,
  pending,
}: {
  onAdd: (input: { name: string; role: Role; password?: string }) => void
  pending: boolean
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>(ROLES[0])
  const [password, setPassword] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onAdd({ name, role, ...(password ? { password } : {}) })
    setName('')
    setPassword('')
  }
  return (
    <form className="plan-accounts-add" onSubmit={submit} aria-label={t('plan.accounts.add')}>
      <h3>{t('plan.accounts.add')}</h3>
      <label>
        {t('plan.accounts.name')}
        <input
          name="new-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          pattern="[A-Za-z0-9_.\-]{2,64}"
          autoComplete="off"
        />
      </label>
      <label>
        {t('plan.accounts.role')}
        <RoleSelect label={t('plan.accounts.role')} value={role} onChange={setRole} />
      </label>
      <label>
        {t('plan.accounts.password')}
        <input
          name="new-password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          minLength={10}
          autoComplete="new-password"
        />
      </label>
      <button type="submit" disabled={pending}>
        {t('plan.accounts.create')}
      </button>
    </form>
  )
}
