import { useTranslation } from 'react-i18next'
import type { LegendEntry } from './scenes/scene-types.ts'

/** The scene's legend in the corner of the map window: what each colour means, with counts where they add up to a figure. */
export function SceneLegend({ entries }: { entries: LegendEntry[] }) {
  const { t } = useTranslation()
  return (
    <section className="wall-legend" data-testid="scene-legend" role="group" aria-label={t('wall.legend.title')}>
      <h2>{t('wall.legend.title')}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.key} className={e.faded ? 'is-faded' : undefined} data-legend={e.key}>
            <span
              className={`wall-swatch wall-swatch-${e.shape}`}
              style={{ background: e.colour }}
              aria-hidden="true"
            />
            <span>{e.label}</span>
            {e.count !== undefined && <b>{e.count}</b>}
          </li>
        ))}
      </ul>
    </section>
  )
}
