import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import { messageOf } from '../plan-data.ts'
import { UnitOptions } from './UnitOptions.tsx'

/** The units registry for admins: units with contacts, CSV import (all rows or none), unit accounts. */
export function UnitsAdmin() {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const units = useQuery(trpc.duban.units.list.queryOptions())
  const refresh = () => queryClient.invalidateQueries(trpc.duban.pathFilter())
  const importCsv = useMutation(trpc.duban.units.importCsv.mutationOptions({ onSuccess: refresh }))
  const assign = useMutation(trpc.duban.units.assignAccount.mutationOptions())
  const [account, setAccount] = useState('')
  const [unitId, setUnitId] = useState('')
  const zh = i18n.language === 'zh'
  return (
    <section className="plan-tool" data-testid="units-admin">
      <h3>{t('duban.units.title')}</h3>
      <table className="plan-table">
        <thead>
          <tr>
            <th>{t('duban.units.name')}</th>
            <th>{t('duban.units.kind')}</th>
            <th>{t('duban.units.contact')}</th>
          </tr>
        </thead>
        <tbody>
          {(units.data ?? []).map((u) => (
            <tr key={u.id}>
              <td>
                {zh ? u.nameZh : u.nameEn} <span className="plan-id">{u.id}</span>
                {u.isSample && <span className="duban-sample">{t('duban.sample')}</span>}
              </td>
              <td>{t(`duban.units.kinds.${u.kind}`)}</td>
              <td>{[u.contactName, u.contactPhone].filter(Boolean).join(' ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('duban.units.import')}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const file = e.target.files?.[0]
            if (file) importCsv.mutate({ csv: await file.text() })
            e.target.value = ''
          }}
        />
      </label>
      {importCsv.data && (
        <p role="status">
          {t('duban.units.imported', { inserted: importCsv.data.inserted, updated: importCsv.data.updated })}
        </p>
      )}
      {importCsv.error && (
        <p role="alert" className="plan-error">
          {messageOf(importCsv.error)}
        </p>
      )}
      <form
        className="plan-filter-row"
        onSubmit={(e) => (e.preventDefault(), assign.mutate({ userName: account, unitId: unitId || null }))}
      >
        <label>
          {t('duban.units.account')}
          <input value={account} onChange={(e) => setAccount(e.target.value)} required maxLength={64} />
        </label>
        <label>
          {t('duban.orders.unit')}
          <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">—</option>
            <UnitOptions units={units.data} />
          </select>
        </label>
        <button type="submit" disabled={assign.isPending}>
          {t('duban.units.assign')}
        </button>
      </form>
      {assign.data && <p role="status">{t('duban.units.assigned', { account: assign.data.userName })}</p>}
      {assign.error && (
        <p role="alert" className="plan-error">
          {messageOf(assign.error)}
        </p>
      )}
    </section>
  )
}
