import type { Map as MapLibreMap } from 'maplibre-gl'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useRoute } from 'wouter'
import { MapCanvas } from '../map/MapCanvas.tsx'
import { MapContext } from '../map/map-context.ts'
import { TruncationNotice } from '../map/TruncationNotice.tsx'
import { ZoomButtons } from '../map/ZoomButtons.tsx'
import { OpenData } from '../modes/public/OpenData.tsx'
import { SmallScreenNotice } from '../modes/wall/SmallScreenNotice.tsx'
import { PublicMode } from '../modes/public/PublicMode.tsx'
import { addModeStrings } from '../i18n/setup.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'

// The wall brings deck.gl animation and a chart library; only screens that open /wall load them,
// together with the wall's strings.
const WallMode = lazy(async () => {
  const [mode, zh, en] = await Promise.all([
    import('../modes/wall/WallMode.tsx'),
    import('../modes/wall/i18n.zh.ts'),
    import('../modes/wall/i18n.en.ts'),
  ])
  addModeStrings('wall', zh.wallZh, en.wallEn)
  return mode
})

// The planner workbench (tables, edit forms, proj4 for measuring) and its strings load only when /plan opens.
const PlanMode = lazy(async () => {
  const [mode, zh, en, dubanZh, dubanEn] = await Promise.all([
    import('../modes/plan/PlanMode.tsx'),
    import('../modes/plan/i18n.zh.ts'),
    import('../modes/plan/i18n.en.ts'),
    import('../modes/plan/duban/i18n.zh.ts'),
    import('../modes/plan/duban/i18n.en.ts'),
  ])
  addModeStrings('plan', zh.planZh, en.planEn)
  addModeStrings('duban', dubanZh.dubanZh, dubanEn.dubanEn)
  return { default: mode.PlanMode }
})

// The indicators page (issue 18) loads with its own chunk when /indicators opens.
const IndicatorsPage = lazy(() => import('../modes/public/indicators/IndicatorsPage.tsx'))

export type Mode = 'public' | 'plan' | 'wall'

/**
 * The frame every mode lives in: header, the mode's panel, and the one map. Routes pick the mode
 * but never unmount the map; the public mode stays mounted between / and its permalinks so its
 * filters and list survive opening a card.
 */
export function AppShell() {
  const { t } = useTranslation()
  const [map, setMap] = useState<MapLibreMap | null>(null)
  const [isFacility, facility] = useRoute('/facility/:id')
  const [isRoad, road] = useRoute('/road/:id')
  const [isOpenData] = useRoute('/open-data')
  const [isPlan] = useRoute('/plan')
  const [isWall] = useRoute('/wall')
  const [isIndicators] = useRoute('/indicators')
  const mode: Mode = isPlan ? 'plan' : isWall ? 'wall' : 'public'

  return (
    <MapContext.Provider value={map}>
      <div className="shell" data-mode={mode}>
        <a className="skip-link" href="#mode-panel">
          {t('app.skipToList')}
        </a>
        <header className="shell-header">
          <div className="brand">
            <h1>{t('app.title')}</h1>
            <p>{t('app.subtitle')}</p>
          </div>
          {/* The public's navigation; staff screens are linked from the footer (and /plan shows itself here). */}
          <nav aria-label={t('nav.label')} className="mode-nav">
            <Link href="/" aria-current={mode === 'public' && !isOpenData && !isIndicators ? 'page' : undefined}>
              {t('nav.public')}
            </Link>
            <Link href="/indicators" aria-current={isIndicators ? 'page' : undefined}>
              {t('nav.indicators')}
            </Link>
            <Link href="/open-data" aria-current={isOpenData ? 'page' : undefined}>
              {t('nav.data')}
            </Link>
            {mode === 'plan' && (
              <Link href="/plan" aria-current="page">
                {t('nav.plan')}
              </Link>
            )}
          </nav>
          <LanguageSwitch />
        </header>
        <div className="workspace">
          <main id="mode-panel" className="mode-panel" tabIndex={-1}>
            {isIndicators && (
              <Suspense fallback={null}>
                <IndicatorsPage />
              </Suspense>
            )}
            {mode === 'public' && !isIndicators && !isOpenData && (
              <PublicMode facilityId={isFacility ? facility.id : undefined} roadId={isRoad ? road.id : undefined} />
            )}
            {isOpenData && <OpenData />}
            {mode === 'public' && (
              <footer className="staff-links">
                {t('nav.staff')}: <Link href="/plan">{t('nav.plan')}</Link> · <Link href="/wall">{t('nav.wall')}</Link>
              </footer>
            )}
            {mode === 'plan' && (
              <Suspense fallback={null}>
                <PlanMode />
              </Suspense>
            )}
            {mode === 'wall' && <SmallScreenNotice />}
            {mode === 'wall' && (
              <Suspense fallback={null}>
                <WallMode />
              </Suspense>
            )}
          </main>
          <div className="map-region">
            <MapCanvas onReady={setMap} />
            <ZoomButtons />
            <TruncationNotice />
            {!map && <p className="map-loading">{t('map.loading')}</p>}
            <div id="map-overlay-slot" className="map-overlay-slot" />
          </div>
        </div>
      </div>
    </MapContext.Provider>
  )
}
