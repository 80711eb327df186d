import './wall.css'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { KpiTiles } from './KpiTiles.tsx'
import { ProgressChart } from './ProgressChart.tsx'
import { boundsOf } from './scene-geometry.ts'
import { prepareScenes } from './scene-layers.ts'
import { staleReason } from './freshness.ts'
import { SubDistrictBars } from './SubDistrictBars.tsx'
import { IndicatorScene } from './scenes/IndicatorScene.tsx'
import { Ticker } from './Ticker.tsx'
import { useSceneRotation } from './use-scene-rotation.ts'
import { STAGE_HEIGHT, STAGE_WIDTH, useStageScale } from './use-stage-scale.ts'
import { useWallData } from './use-wall-data.ts'
import { useWallMap } from './use-wall-map.ts'
import { clockTime, renewalRatios } from './wall-figures.ts'
import { parseWallParams, type WallScene } from './wall-params.ts'

// A facility heard to start on the wall pulses for this long; the latest few starts always pulse.
const PULSE_LIVE_MS = 10 * 60_000
const PULSE_LATEST = 5

/**
 * The operations-centre wall (/wall): figures, chart, sub-district bars and ticker around the
 * shared map, which rotates through scenes. Built for 1920×1080 and scaled whole to the screen;
 * honest about freshness: it says how old its data is and when it cannot vouch for it.
 */
export default function WallMode() {
  const { t } = useTranslation()
  const params = useMemo(() => parseWallParams(location.search), [])
  const scale = useStageScale()
  const data = useWallData()
  const { scene, cycle } = useSceneRotation(params.scenes, params.intervalS)
  const windowRef = useRef<HTMLDivElement>(null)
  const now = useNow()

  const pulsingIds = useMemo(() => {
    const ids = new Set(data.recent.filter((r) => r.change.entity === 'facility' && r.change.to === 'started' && now - r.heardAt < PULSE_LIVE_MS).map((r) => r.change.entityId))
    const started = (data.facilities?.features ?? [])
      .map((f) => f.properties as { id: string; status: string; actual_start: string | null })
      .filter((p) => p.status === 'started' && p.actual_start)
      .sort((a, b) => (b.actual_start ?? '').localeCompare(a.actual_start ?? ''))
    for (const p of started.slice(0, PULSE_LATEST)) ids.add(p.id)
    return ids
    // Recomputed when a minute turns over, not every second, so the prepared scene data stays put.
  }, [data.recent, data.facilities, Math.floor(now / 60_000)])

  const renewal = useMemo(() => withRatios(data.renewalUnits, renewalRatios(data.summary)), [data.renewalUnits, data.summary])
  const prepared = useMemo(
    () => prepareScenes({ roads: data.roads, facilities: data.facilities, rivers: data.rivers, renewal, pulsingIds }),
    [data.roads, data.facilities, data.rivers, renewal, pulsingIds],
  )
  const sceneBounds = useMemo<Record<WallScene, ReturnType<typeof boundsOf>>>(
    () => ({ roads: boundsOf(data.roads), facilities: boundsOf(data.facilities), renewal: boundsOf(data.renewalUnits), rivers: boundsOf(data.rivers), indicators: null }),
    [data.roads, data.facilities, data.renewalUnits, data.rivers],
  )
  useWallMap({ scene, sceneBounds, prepared, flightMs: Math.min(4000, params.intervalS * 400), stallReloadMs: params.stallReloadMs, windowRef })

  const stale = staleReason({ now, streamDownSince: data.streamDownSince, lastFreshAt: data.lastFreshAt, staleAfterMs: params.staleAfterMs })
  const namesEn = useMemo(
    () => new Map((data.subDistricts?.features ?? []).map((f) => [String(f.properties?.code), String(f.properties?.name_en)])),
    [data.subDistricts],
  )

  return (
    <div className="wall-viewport">
      <div
        className="wall-stage"
        data-testid="wall-stage"
        data-scene={scene}
        data-cycle={cycle}
        data-stale={stale ?? ''}
        data-as-of={data.summary?.asOf ?? ''}
        data-pulsing={[...pulsingIds].join(',')}
        style={{ width: STAGE_WIDTH, height: STAGE_HEIGHT, transform: `translate(-50%, -50%) scale(${scale})` }}
      >
        <header className="wall-header">
          <div>
            <h1>{t('wall.title')}</h1>
            <p>{t('wall.subtitle')}</p>
          </div>
          <p className="wall-scene-name" data-testid="scene-name">
            {t(`wall.scene.${scene}`)}
          </p>
          <div className="wall-clock">
            <p className="wall-now">{clockTime(now)}</p>
            <p className="wall-as-of" data-testid="as-of">
              {data.summary ? t('wall.asOf', { time: clockTime(data.summary.asOf) }) : t('wall.asOfNone')}
            </p>
          </div>
        </header>
        {stale && (
          <p className="wall-stale" role="alert" data-testid="stale-banner">
            {stale === 'stream' ? t('wall.stale.stream') : t('wall.stale.age', { minutes: Math.round(params.staleAfterMs / 60_000) || 1 })}
          </p>
        )}
        <aside className="wall-left">
          <KpiTiles summary={data.summary} />
        </aside>
        <div className="wall-map-window" ref={windowRef}>
          <p className="wall-sample">{t('wall.sample')}</p>
        </div>
        <aside className="wall-right">
          <ProgressChart timeline={data.timeline} scale={scale} />
          <SubDistrictBars summary={data.summary} namesEn={namesEn} />
        </aside>
        <Ticker rows={data.ticker} />
        {scene === 'indicators' && <IndicatorScene dwellS={params.intervalS} />}
      </div>
    </div>
  )
}

/** The current time, ticking every second (the clock and the freshness check). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** Renewal units with their progress ratio in the properties, for the renewal scene's fill. */
function withRatios(fc: GeoJSON.FeatureCollection | undefined, ratios: Map<string, number>): GeoJSON.FeatureCollection | undefined {
  if (!fc) return undefined
  return { ...fc, features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, ratio: ratios.get(String(f.properties?.id)) ?? 0 } })) }
}
