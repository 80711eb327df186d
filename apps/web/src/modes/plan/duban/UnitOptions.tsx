import { useTranslation } from 'react-i18next'
import type { UnitRow } from './duban-data.ts'

/** The <option>s of a unit chooser, in the reader's language. */
export function UnitOptions({ units }: { units: readonly UnitRow[] | undefined }) {
  const { i18n } = useTranslation()
  return (
    <>
      {(units ?? []).map((u) => (
        <option key={u.id} value={u.id}>
          {i18n.language === 'zh' ? u.nameZh : u.nameEn}
        </option>
      ))}
    </>
  )
}
