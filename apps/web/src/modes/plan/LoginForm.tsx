import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { messageOf } from './plan-data.ts'

/** Sign-in for the workbench; on success every cached answer is refetched with the new session. */
export function LoginForm() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    login.mutate({ name, password })
  }
  return (
    <form className="plan-login" onSubmit={submit} aria-labelledby="plan-login-title">
      <h2 id="plan-login-title">{t('plan.login.title')}</h2>
      <p>{t('plan.login.intro')}</p>
      <label>
        {t('plan.login.name')}
        <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t('plan.login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <button type="submit" disabled={login.isPending}>
        {t('plan.login.submit')}
      </button>
      {login.error && (
        <p role="alert" className="plan-error">
          {t('plan.login.failed', { message: messageOf(login.error) })}
        </p>
      )}
    </form>
  )
}

/** The signed-in account with a sign-out button. */
export function AccountBar({ name, role }: { name: string; role: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }))
  return (
    <p className="plan-account" data-testid="plan-account">
      {t('plan.login.signedInAs', { name, role: t(`plan.role.${role}`) })}{' '}
      <button type="button" onClick={() => logout.mutate()}>
        {t('plan.login.signOut')}
      </button>
    </p>
  )
}
