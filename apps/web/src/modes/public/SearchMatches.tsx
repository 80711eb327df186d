import { useTranslation } from 'react-i18next'
import type { SubDistrictOption } from './Filters.tsx'
import type { Road } from './road-model.ts'
import { RoadList } from './RoadList.tsx'

/** What a search matched besides facilities: roads (to their cards) and sub-districts (to filter by). */
export function SearchMatches({
  roads,
  subDistricts,
  onSubDistrict,
}: {
  roads: readonly Road[]
  subDistricts: readonly SubDistrictOption[]
  onSubDistrict: (code: string) => void
}) {
  const { t, i18n } = useTranslation()
  return (
    <>
      {subDistricts.length > 0 && (
        <section className="search-matches" aria-label={t('search.subDistricts')} data-testid="sub-district-matches">
          <h2>{t('search.subDistricts')}</h2>
          <ul>
            {subDistricts.map((s) => (
              <li key={s.code}>
                <button type="button" className="link-button" onClick={() => onSubDistrict(s.code)}>
                  {t('search.showSubDistrict', { name: i18n.language === 'zh' ? s.name_zh : s.name_en })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {roads.length > 0 && (
        <RoadList roads={roads} title={t('search.roads', { count: roads.length })} testId="road-matches" />
      )}
    </>
  )
}
