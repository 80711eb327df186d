import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/** The layers offered for download, in the order a reader looks for them. */
const LAYERS = [
  'facilities',
  'road_segments',
  'sub_districts',
  'renewal_zones',
  'renewal_units',
  'rivers',
  'water_bodies',
  'zone_boundary',
] as const

/**
 * 数据下载 / Open data: every map layer's public fields as GeoJSON and CSV, the OGC API endpoint for
 * GIS software, the Atom feeds, and what the data is (a hand-digitised sample, not official data).
 */
export function OpenData() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return (
    <section className="open-data" aria-labelledby="open-data-title" data-testid="open-data">
      <h2 id="open-data-title">{t('openData.title')}</h2>
      <p>{t('openData.intro')}</p>
      <p className="sample-badge" role="note">
        {t('openData.licence')}
      </p>
      <table className="downloads">
        <thead>
          <tr>
            <th scope="col">{t('openData.layer')}</th>
            <th scope="col">{t('openData.files')}</th>
          </tr>
        </thead>
        <tbody>
          {LAYERS.map((layer) => (
            <tr key={layer}>
              <th scope="row">{t(`openData.layers.${layer}`)}</th>
              <td>
                <a href={`/data/${layer}.geojson`} download data-testid={`download-${layer}-geojson`}>
                  GeoJSON
                </a>{' '}
                ·{' '}
                <a href={`/data/${layer}.csv`} download>
                  CSV
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('openData.ogcTitle')}</h3>
      <p>
        {t('openData.ogc')} <a href="/ogc">{`${location.origin}/ogc`}</a>
      </p>
      <h3>{t('openData.feedsTitle')}</h3>
      <p>
        {t('openData.feeds')}{' '}
        <a href={`/feeds/programme.atom?lang=${lang}`} type="application/atom+xml">
          {t('feeds.programme')}
        </a>
      </p>
      <p>{t('openData.fields')}</p>
      <Link href="/">{t('openData.back')}</Link>
    </section>
  )
}
