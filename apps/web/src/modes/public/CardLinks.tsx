import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The foot of a card: its permalink in the page language (a copied link opens in the language it was
 * copied in), a copy button, and the Atom feed of the item's changes (订阅更新), also advertised to
 * feed readers with <link rel="alternate"> (React 19 hoists it into the document head).
 */
export function CardLinks({ path, feedPath, feedTitle }: { path: string; feedPath: string; feedTitle: string }) {
  const { t, i18n } = useTranslation()
  const [copied, setCopied] = useState(false)
  const permalink = `${location.origin}${path}?lang=${i18n.language}`
  const feed = `${feedPath}?lang=${i18n.language}`
  const copy = async () => {
    await navigator.clipboard.writeText(permalink)
    setCopied(true)
  }
  return (
    <>
      <link rel="alternate" type="application/atom+xml" href={feed} title={feedTitle} />
      <p className="permalink">
        <span>{t('card.permalink')}: </span>
        <a href={permalink} data-testid="permalink">
          {permalink}
        </a>{' '}
        <button type="button" className="link-button" onClick={() => void copy()}>
          {copied ? t('card.copied') : t('card.copyLink')}
        </button>
      </p>
      <p className="subscribe">
        <a href={feed} type="application/atom+xml" data-testid="card-feed">
          {t('card.subscribe')}
        </a>{' '}
        <span className="hint">{t('card.subscribeHint')}</span>
      </p>
    </>
  )
}
