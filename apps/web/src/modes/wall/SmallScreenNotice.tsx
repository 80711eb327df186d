import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/**
 * Shown over /wall on a small screen (CSS shows it below 900 px wide): the wall is a 16:9 stage for the
 * operations centre, unreadable on a phone, so say so and lead back to the public map.
 */
export function SmallScreenNotice() {
  const { t } = useTranslation()
  // On the body, above the wall's full-screen stage and map whatever stacking they set up.
  return createPortal(
    <div
      className="small-screen-notice"
      role="dialog"
      aria-labelledby="small-screen-title"
      data-testid="small-screen-notice"
    >
      <h2 id="small-screen-title">{t('smallScreen.title')}</h2>
      <p>{t('smallScreen.body')}</p>
      <Link href="/">{t('smallScreen.back')}</Link>
    </div>,
    document.body,
  )
}
