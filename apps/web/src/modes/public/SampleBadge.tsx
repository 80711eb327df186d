import { useTranslation } from 'react-i18next'

/** Shown while the catalogue says a layer holds the hand-digitised sample, not authoritative data. */
export function SampleBadge() {
  const { t } = useTranslation()
  return (
    <p className="sample-badge" role="note">
      <span lang="zh-CN">{t('sample.badge')}</span> <span className="sample-note">{t('sample.note')}</span>
    </p>
  )
}
