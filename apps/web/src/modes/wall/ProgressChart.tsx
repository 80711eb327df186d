import { LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components'
import { type EChartsType, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Timeline } from './wall-figures.ts'

// Only the parts the wall draws, so the chart library adds little to the wall's own chunk.
use([LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer])

const INK = '#d6e2ee'
const GRID = '#22384f'
// The wall's smallest readable size (1080p stage units): axis labels included.
const TEXT_PX = 20

/**
 * Both goals month by month with the deadline marked. Drawn as SVG inside the scaled stage, so it is
 * as sharp as the panels at any scale and its text is real text of a checked size.
 */
export function ProgressChart({ timeline }: { timeline: Timeline | undefined }) {
  const { t, i18n } = useTranslation()
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)

  useEffect(() => {
    if (!el.current) return
    const created = init(el.current, undefined, { renderer: 'svg' })
    chart.current = created
    return () => {
      chart.current = null
      created.dispose()
    }
  }, [])

  useEffect(() => {
    if (!chart.current || !timeline) return
    const series = (name: string, color: string, pick: (p: Timeline['points'][number]) => number | null) => ({
      name,
      type: 'line' as const,
      showSymbol: false,
      smooth: false,
      lineStyle: { width: 3, color },
      itemStyle: { color },
      areaStyle: { color, opacity: 0.08 },
      data: timeline.points.map((p) => [p.date, pick(p) === null ? null : Math.round((pick(p) as number) * 1000) / 10]),
    })
    const roads = series(t('wall.chart.roads'), '#3ddc97', (p) => p.roadsRatio)
    const facilities = series(t('wall.chart.facilities'), '#ffb020', (p) => p.facilitiesRatio)
    chart.current.setOption(
      {
        animation: false,
        textStyle: { color: INK, fontSize: TEXT_PX },
        legend: { top: 0, itemGap: 16, textStyle: { color: INK, fontSize: TEXT_PX } },
        grid: { left: 64, right: 16, top: 40, bottom: 32 },
        xAxis: {
          type: 'time',
          min: timeline.windowStart,
          // The deadline stays in view after it has passed, and today's point after it.
          max: [timeline.deadline, timeline.points.at(-1)?.date ?? timeline.deadline].sort().at(-1),
          axisLabel: { color: INK, fontSize: TEXT_PX, hideOverlap: true },
          axisLine: { lineStyle: { color: GRID } },
          splitLine: { show: false },
        },
        yAxis: {
          type: 'value',
          min: 0,
          max: 100,
          interval: 50,
          axisLabel: { color: INK, fontSize: TEXT_PX, formatter: '{value}%' },
          splitLine: { lineStyle: { color: GRID } },
        },
        series: [
          {
            ...roads,
            markLine: {
              symbol: 'none',
              lineStyle: { color: '#ff5d5d', type: 'dashed', width: 2 },
              label: {
                color: '#ff8a8a',
                fontSize: TEXT_PX,
                formatter: t('wall.chart.deadline'),
                position: 'insideEndTop',
              },
              data: [{ xAxis: timeline.deadline }],
            },
          },
          facilities,
        ],
      },
      { notMerge: true },
    )
  }, [timeline, t, i18n.language])

  return (
    <section className="wall-panel wall-chart">
      <h2>{t('wall.chart.title')}</h2>
      <div ref={el} className="wall-chart-canvas" data-testid="progress-chart" />
    </section>
  )
}
