import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The one click to the weekly meeting brief: an A4 page the server renders (/brief), opened in a new tab. */
export function BriefLauncher({
  subDistricts,
}: {
  subDistricts: readonly { id: string; nameZh: string; nameEn: string }[]
}) {
  const { t, i18n } = useTranslation()
  const [since, setSince] = useState(() => new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10))
  const [area, setArea] = useState('')
  const href = `/brief?since=${since}${area ? `&area=${area}` : ''}&lang=${i18n.language === 'zh' ? 'zh' : 'en'}`
  return (
    <div className="plan-filter-row duban-brief">
      <label>
        {t('duban.brief.since')}
        <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
      <label>
        {t('duban.brief.area')}
        <select value={area} onChange={(e) => setArea(e.target.value)}>
          <option value="">{t('duban.brief.zone')}</option>
          {subDistricts.map((s) => (
            <option key={s.id} value={s.id}>
              {i18n.language === 'zh' ? s.nameZh : s.nameEn}
            </option>
          ))}
        </select>
      </label>
      <a className="duban-brief-link" href={href} target="_blank" rel="noreferrer" data-testid="brief-link">
        {t('duban.brief.button')}
      </a>
    </div>
  )
}
