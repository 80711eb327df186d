import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { download, type ExportFeature, type ExportKind, exportTable, toCsv, toGeoJson, toXlsx } from './export-files.ts'
import { messageOf } from './plan-data.ts'
import type { facilitySelection, toSelection } from './plan-filter.ts'

type Selection<K extends ExportKind> = K extends 'segments'
  ? ReturnType<typeof toSelection>
  : ReturnType<typeof facilitySelection>

/** Downloads the current filter's items as GeoJSON, CSV (UTF-8 with BOM) or Excel, headers in the UI language. */
export function ExportButtons<K extends ExportKind>({ kind, selection }: { kind: K; selection: Selection<K> }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const k: ExportKind = kind
  const run = async (format: 'geojson' | 'csv' | 'xlsx') => {
    setError(null)
    setBusy(true)
    try {
      const result =
        kind === 'segments'
          ? await queryClient.fetchQuery({
              ...trpc.analysis.export.queryOptions(selection as Selection<'segments'>),
              staleTime: 0,
            })
          : await queryClient.fetchQuery({
              ...trpc.analysis.exportFacilities.queryOptions(selection as Selection<'facilities'>),
              staleTime: 0,
            })
      const features = result.features as ExportFeature[]
      const base = `onemap-${kind}-${new Date().toISOString().slice(0, 10)}`
      if (format === 'geojson') return download(`${base}.geojson`, toGeoJson(features), 'application/geo+json')
      const table = exportTable(kind, features, t, i18n.language)
      if (format === 'csv') return download(`${base}.csv`, toCsv(table), 'text/csv;charset=utf-8')
      download(
        `${base}.xlsx`,
        await toXlsx(table, t(`plan.export.sheet.${k}`)),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="plan-tool" aria-label={t(`plan.export.title.${k}`)}>
      <h3>{t(`plan.export.title.${k}`)}</h3>
      <div className="plan-filter-row">
        <button type="button" disabled={busy} onClick={() => void run('geojson')}>
          {t('plan.export.geojson')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('csv')}>
          {t('plan.export.csv')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('xlsx')}>
          {t('plan.export.xlsx')}
        </button>
      </div>
      {error && (
        <p role="alert" className="plan-error">
          {error}
        </p>
      )}
    </section>
  )
}
