import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type LonLat, pathLengthM, polygonAreaKm2 } from './measure.ts'
import type { usePlaces } from './plan-data.ts'
import type { PlanFilter } from './plan-filter.ts'
import type { Tool } from './use-plan-map.ts'

/** Distance and area measured from points clicked on the map (CGCS2000, see measure.ts). */
export function MeasureTool(props: {
  tool: Tool
  points: readonly LonLat[]
  onTool: (t: Tool) => void
  onClear: () => void
}) {
  const { t } = useTranslation()
  const { tool, points } = props
  const metres = pathLengthM(tool === 'measure-area' && points.length >= 3 ? [...points, points[0] as LonLat] : points)
  const km2 = polygonAreaKm2(points)
  return (
    <section aria-labelledby="plan-measure-title" className="plan-tool">
      <h3 id="plan-measure-title">{t('plan.measure.title')}</h3>
      <div role="group" aria-label={t('plan.measure.title')}>
        <button
          type="button"
          aria-pressed={tool === 'measure-line'}
          onClick={() => props.onTool(tool === 'measure-line' ? 'select' : 'measure-line')}
        >
          {t('plan.measure.distance')}
        </button>
        <button
          type="button"
          aria-pressed={tool === 'measure-area'}
          onClick={() => props.onTool(tool === 'measure-area' ? 'select' : 'measure-area')}
        >
          {t('plan.measure.area')}
        </button>
        <button type="button" onClick={props.onClear}>
          {t('plan.measure.clear')}
        </button>
      </div>
      {(tool === 'measure-line' || tool === 'measure-area') && <p>{t('plan.measure.hint')}</p>}
      <p data-testid="measure-result" data-metres={metres} data-km2={km2} aria-live="polite">
        {t('plan.measure.result', { m: metres.toFixed(1), km: (metres / 1000).toFixed(3) })}
        {tool === 'measure-area' && points.length >= 3
          ? ` · ${t('plan.measure.areaResult', { km2: km2.toFixed(4) })}`
          : ''}
      </p>
    </section>
  )
}

/** River management zone: keeps the segments within N metres of a river (computed in PostGIS). */
export function RiverZoneTool({
  value,
  onChange,
  rivers,
}: {
  value: PlanFilter['riverZone']
  onChange: (z: PlanFilter['riverZone']) => void
  rivers: ReturnType<typeof usePlaces>['rivers']
}) {
  const { t, i18n } = useTranslation()
  const [riverId, setRiverId] = useState(value?.riverId ?? '')
  const [distance, setDistance] = useState(String(value?.distanceM ?? 200))
  const chosen = riverId || rivers[0]?.id || ''
  const distanceM = Number(distance)
  return (
    <form
      className="plan-tool"
      aria-labelledby="plan-river-title"
      onSubmit={(e) => (e.preventDefault(), onChange({ riverId: chosen, distanceM }))}
    >
      <h3 id="plan-river-title">{t('plan.river.title')}</h3>
      <label>
        {t('plan.river.river')}
        <select value={chosen} onChange={(e) => setRiverId(e.target.value)}>
          {rivers.map((r) => (
            <option key={r.id} value={r.id}>
              {i18n.language === 'zh' ? r.nameZh : r.nameEn}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('plan.river.distance')}
        <input
          type="number"
          min={1}
          max={5000}
          step={1}
          value={distance}
          onChange={(e) => setDistance(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!chosen || !(distanceM > 0 && distanceM <= 5000)}>
        {t('plan.river.apply')}
      </button>
      {value && (
        <button type="button" onClick={() => onChange(null)}>
          {t('plan.river.clear')}
        </button>
      )}
    </form>
  )
}
