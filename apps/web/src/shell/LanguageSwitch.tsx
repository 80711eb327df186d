import { useTranslation } from 'react-i18next'

/** One button that flips between Chinese and English; its label is in the language it switches to. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const next = i18n.language === 'zh' ? 'en' : 'zh'
  return (
    <button
      type="button"
      className="language-switch"
      lang={next === 'zh' ? 'zh-CN' : 'en'}
      aria-label={t('app.switchToLabel')}
      onClick={() => void i18n.changeLanguage(next)}
    >
      {t('app.switchTo')}
    </button>
  )
}
