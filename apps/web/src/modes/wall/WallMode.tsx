import './wall.css'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AlarmPanel } from './AlarmPanel.tsx'
import { KpiTiles } from './KpiTiles.tsx'
import { MapLabels } from './MapLabels.tsx'
import { ProgressChart } from './ProgressChart.tsx'
import { staleReason } from './freshness.ts'
import { sceneById, WALL_DEFAULT_SCENE_IDS, WALL_SCENE_IDS, WALL_SCENES } from './scene-registry.ts'
import { SceneLegend } from './SceneLegend.tsx'
import type { SceneView } from './scenes/scene-types.ts'
import { SmallScreen } from './SmallScreen.tsx'
import { SubDistrictBars } from './SubDistrictBars.tsx'
import { IndicatorScene } from './scenes/IndicatorScene.tsx'
import { Ticker } from './Ticker.tsx'
import { useMapFrame } from './use-map-frame.ts'
import { useSceneRotation } from './use-scene-rotation.ts'
import { isTooSmall, STAGE_HEIGHT, STAGE_WIDTH, useStageScale } from './use-stage-scale.ts'
import { useWallData } from './use-wall-data.ts'
import { useWallMap } from './use-wall-map.ts'
import { clockTime } from './wall-figures.ts'
import { parseWallParams } from './wall-params.ts'

// A facility heard to start on the wall pulses for this long; the latest few starts always pulse.
const PULSE_LIVE_MS = 10 * 60_000
const PULSE_LATEST = 5

/**
 * The operations-centre wall (/wall): figures, alarms, chart, sub-district bars and ticker around the
 * shared map, which rotates through scenes. Built for 1920×1080 and scaled whole (map included) to
 * the screen; honest about freshness: it says how old its data is and when it cannot vouch for it.
 * A window too small for the stage gets a pointer to the public map instead.
 */
export default function WallMode() {
  const scale = useStageScale()
  return isTooSmall(scale) ? <SmallScreen /> : <Wall scale={scale} />
}

function Wall({ scale }: { scale: number }) {
  const { t, i18n } = useTranslation()
  const params = useMemo(() => parseWallParams(location.search, WALL_SCENE_IDS, WALL_DEFAULT_SCENE_IDS), [])
  const data = useWallData()
  const { scene: sceneId, cycle } = useSceneRotation(params.scenes, params.intervalS)
  const scene = sceneById(sceneId)
  const windowRef = useRef<HTMLDivElement>(null)
  const now = useNow()
  useMapFrame(windowRef, scale)

  const pulsingIds = useMemo(() => {
    const ids = new Set(
      data.recent
        .filter((r) => r.change.entity === 'facility' && r.change.to === 'started' && now - r.heardAt < PULSE_LIVE_MS)
        .map((r) => r.change.entityId),
    )
    const started = (data.facilities?.features ?? [])
      .map((f) => f.properties as { id: string; status: string; actual_start: string | null })
      .filter((p) => p.status === 'started' && p.actual_start)
      .sort((a, b) => (b.actual_start ?? '').localeCompare(a.actual_start ?? ''))
    for (const p of started.slice(0, PULSE_LATEST)) ids.add(p.id)
    return ids
    // Recomputed when a minute turns over, not every second, so the prepared scene data stays put.
  }, [data.recent, data.facilities, Math.floor(now / 60_000)])

  const en = i18n.language === 'en'
  // Every scene prepared once per data change (never per frame); the rotation only picks one.
  const views = useMemo(() => {
    const input = { ...data, pulsingIds, t, en }
    return new Map<string, SceneView>(WALL_SCENES.map((s) => [s.id, s.prepare(input)]))
  }, [
    data.roads,
    data.facilities,
    data.renewalUnits,
    data.rivers,
    data.riverFacts,
    data.summary,
    data.alarms,
    pulsingIds,
    t,
    en,
  ])
  const view = views.get(scene.id)
  useWallMap({ scene, view, flightMs: Math.min(4000, params.intervalS * 400), stallReloadMs: params.stallReloadMs })

  const stale = staleReason({
    now,
    streamDownSince: data.streamDownSince,
    lastFreshAt: data.lastFreshAt,
    staleAfterMs: params.staleAfterMs,
  })
  const namesEn = useMemo(
    () =>
      new Map(
        (data.subDistricts?.features ?? []).map((f) => [String(f.properties?.code), String(f.properties?.name_en)]),
      ),
    [data.subDistricts],
  )

  return (
    <div className="wall-viewport">
      <div
        className="wall-stage"
        data-testid="wall-stage"
        data-scene={scene.id}
        data-cycle={cycle}
        data-scene-count={view?.count ?? ''}
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
          <div className="wall-scene">
            <p className="wall-scene-name" data-testid="scene-name">
              {t(`wall.scene.${scene.id}`)}
            </p>
            <p className="wall-takeaway" data-testid="scene-takeaway">
              {view?.takeaway || ' '}
            </p>
          </div>
          <div className="wall-clock">
            <p className="wall-now">{clockTime(now)}</p>
            <p className="wall-as-of" data-testid="as-of">
              {data.summary ? t('wall.asOf', { time: clockTime(data.summary.asOf) }) : t('wall.asOfNone')}
            </p>
          </div>
        </header>
        {stale && (
          <p className="wall-stale" role="alert" data-testid="stale-banner">
            {stale === 'stream'
              ? t('wall.stale.stream')
              : t('wall.stale.age', { minutes: Math.round(params.staleAfterMs / 60_000) || 1 })}
          </p>
        )}
        <aside className="wall-left">
          <KpiTiles summary={data.summary} />
        </aside>
        <div className="wall-map-window" ref={windowRef}>
          <MapLabels labels={view?.labels ?? []} />
          <p className="wall-sample">{t('wall.sample')}</p>
          <SceneLegend entries={view?.legend ?? []} />
        </div>
        <aside className="wall-right">
          <AlarmPanel alarms={data.alarms} now={now} />
          <ProgressChart timeline={data.timeline} />
          <SubDistrictBars summary={data.summary} namesEn={namesEn} />
        </aside>
        <Ticker rows={data.ticker} />
        {scene.id === 'indicators' && <IndicatorScene dwellS={params.intervalS} />}
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
