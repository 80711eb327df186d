import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'

const fmt = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 0 })
const share = (done: number, planned: number) => (planned > 0 ? `${Math.round((done / planned) * 100)}%` : '—')

/** Planned vs completed investment (万元) in total, per sub-district and per lead unit. */
export function InvestmentSection({ subDistrictName }: { subDistrictName: (code: string) => string }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const inv = useQuery(trpc.duban.items.investment.queryOptions())
  if (!inv.data) return null
  const zh = i18n.language === 'zh'
  const rows = (
    list: readonly { key: string; planned: number; completed: number; nameZh?: string | null }[],
    name: (r: { key: string; nameZh?: string | null }) => string,
  ) =>
    list.map((r) => (
      <tr key={r.key}>
        <td>{r.key === 'none' ? t('duban.investment.none') : name(r)}</td>
        <td className="num">{fmt(r.planned)}</td>
        <td className="num">{fmt(r.completed)}</td>
        <td className="num">{share(r.completed, r.planned)}</td>
      </tr>
    ))
  return (
    <section data-testid="investment">
      <h3>
        {t('duban.investment.title')}{' '}
        {inv.data.includesSample && <span className="duban-sample">{t('duban.sampleValues')}</span>}
      </h3>
      <table className="plan-table">
        <thead>
          <tr>
            <th />
            <th className="num">{t('duban.investment.planned')}</th>
            <th className="num">{t('duban.investment.completed')}</th>
            <th className="num">{t('duban.investment.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows([inv.data.total], () => t('duban.investment.total'))}
          <tr>
            <th colSpan={4}>{t('duban.investment.bySubDistrict')}</th>
          </tr>
          {rows(inv.data.bySubDistrict, (r) => subDistrictName(r.key))}
          <tr>
            <th colSpan={4}>{t('duban.investment.byUnit')}</th>
          </tr>
          {rows(inv.data.byUnit, (r) => (zh ? (r.nameZh ?? r.key) : r.key))}
        </tbody>
      </table>
    </section>
  )
}
