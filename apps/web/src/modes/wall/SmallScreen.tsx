import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/** /wall in a window too small for the stage: say what the page is for and offer the public map instead of a shrunken stage. */
export function SmallScreen() {
  const { t } = useTranslation()
  return (
    <div className="wall-small" data-testid="wall-small-screen">
      <h1>{t('wall.title')}</h1>
      <p>{t('wall.small.explain')}</p>
      <Link href="/" className="wall-small-link">
        {t('wall.small.publicMap')}
      </Link>
    </div>
  )
}
