import { useTranslation } from 'react-i18next'
import type { TickerRow } from './wall-figures.ts'

/** The newest status changes, scrolling along the bottom edge (the list is doubled for a seamless loop). */
export function Ticker({ rows }: { rows: TickerRow[] | undefined }) {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const status = (row: TickerRow, s: string) =>
    row.entity === 'facility' ? t(`status.${s}`, s) : t(`roadStatus.${s}`, s)
  const items = (rows ?? []).map((row) => {
    // The feed leaves out nameless items, so every line names what changed.
    const name = (en && row.nameEn) || row.nameZh
    return {
      key: row.id,
      text: `${row.happenedOn} · ${name} · ${status(row, row.from)} → ${status(row, row.to)}${row.kind === 'seed' ? ` (${t('wall.ticker.sample')})` : ''}`,
    }
  })
  return (
    <section className="wall-ticker" data-testid="ticker" aria-label={t('wall.ticker.title')}>
      <h2>{t('wall.ticker.title')}</h2>
      <div className="wall-ticker-window">
        {items.length === 0 ? (
          <p className="wall-ticker-empty">{t('wall.ticker.empty')}</p>
        ) : (
          // The key restarts the scroll when the list changes, so a new change appears at once.
          <div
            className="wall-ticker-track"
            key={items[0]?.key}
            style={{ animationDuration: `${Math.max(20, items.length * 6)}s` }}
          >
            {[0, 1].map((copy) => (
              <ul key={copy} aria-hidden={copy === 1 ? true : undefined}>
                {items.map((item) => (
                  <li key={item.key}>{item.text}</li>
                ))}
              </ul>
            ))}
          </div>
        )}
      </div>
    </section>
  )
}
