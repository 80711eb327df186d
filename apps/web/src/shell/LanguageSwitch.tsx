import { useTranslation } from 'react-i18next'

/**
 * One button that flips between Chinese and English. Its visible text names the other language in
 * that language (marked with its lang, so a screen reader voices it right); the hidden part says what
 * it does in the current language. The accessible name starts with the visible text (WCAG 2.5.3,
 * label in name), so a voice-control user can say what they see.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const next = i18n.language === 'zh' ? 'en' : 'zh'
  const switchLanguage = async () => {
    await i18n.changeLanguage(next)
    // A page opened from a shared link keeps ?lang= in its address: make it say the language now shown.
    const url = new URL(location.href)
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', next)
      history.replaceState(history.state, '', url)
    }
  }
  return (
    <button type="button" className="language-switch" onClick={() => void switchLanguage()}>
      <span lang={next === 'zh' ? 'zh-CN' : 'en'}>{t('app.switchTo')}</span>
      <span className="visually-hidden"> ({t('app.switchToLabel')})</span>
    </button>
  )
}
