import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/** Stands in for the planner workbench (issue 7) and the wall (issue 8), which will reuse this shell and map. */
export function ModePlaceholder({ mode }: { mode: 'plan' | 'wall' }) {
  const { t } = useTranslation()
  return (
    <section className="placeholder" aria-labelledby="placeholder-title">
      <h2 id="placeholder-title">{mode === 'plan' ? t('nav.plan') : t('nav.wall')}</h2>
      <p>{mode === 'plan' ? t('placeholder.plan') : t('placeholder.wall')}</p>
      <Link href="/">{t('placeholder.back')}</Link>
    </section>
  )
}
