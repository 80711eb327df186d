import { useTranslation } from 'react-i18next'
import type { Summary } from './wall-figures.ts'

function Bar({ ratio, kind }: { ratio: number | null; kind: 'roads' | 'facilities' }) {
  const p = ratio === null ? null : Math.round(ratio * 100)
  return (
    <span className={`wall-bar wall-bar-${kind}`}>
      <span className="wall-bar-track">
        <span className="wall-bar-fill" style={{ width: `${p ?? 0}%` }} />
      </span>
      <span className="wall-bar-value">{p === null ? '—' : `${p}%`}</span>
    </span>
  )
}

/** Roads built and facilities started per sub-district: one row each, a bar per goal. */
export function SubDistrictBars({
  summary,
  namesEn,
}: {
  summary: Summary | undefined
  namesEn: ReadonlyMap<string, string>
}) {
  const { t, i18n } = useTranslation()
  const rows = (summary?.bySubDistrict ?? []).filter((s) => s.roads.plannedM > 0 || s.facilities.planned > 0)
  // Sub-districts first, by code; items outside every sub-district last.
  rows.sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : a.code.localeCompare(b.code)))
  return (
    <section className="wall-panel wall-bars" data-testid="sub-district-bars">
      <div className="wall-bars-head">
        <h2>{t('wall.bars.title')}</h2>
        <span className="wall-bars-key wall-bar-roads">{t('wall.bars.roads')}</span>
        <span className="wall-bars-key wall-bar-facilities">{t('wall.bars.facilities')}</span>
      </div>
      {rows.map((s) => (
        <div className="wall-bar-row" key={s.code ?? 'none'}>
          <h3>
            {s.code === null ? t('wall.bars.none') : (i18n.language === 'en' && namesEn.get(s.code)) || (s.name ?? '—')}
          </h3>
          <Bar ratio={s.roads.ratio} kind="roads" />
          <Bar ratio={s.facilities.ratio} kind="facilities" />
        </div>
      ))}
    </section>
  )
}
