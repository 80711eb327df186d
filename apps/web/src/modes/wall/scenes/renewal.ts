import { GeoJsonLayer } from '@deck.gl/layers'
import { boundsOf } from '../scene-geometry.ts'
import { cssColour } from '../wall-colours.ts'
import { percent, renewalRatios, renewalShares } from '../wall-figures.ts'
import type { MapLabel, WallSceneDefinition } from './scene-types.ts'

type Rgba = [number, number, number, number]
interface RenewalPrepared {
  units: GeoJSON.FeatureCollection
}

/** Renewal units shade from deep blue (nothing done) to teal (everything done). */
export function renewalFill(ratio: number): Rgba {
  const r = Math.max(0, Math.min(1, ratio))
  return [Math.round(30 + 31 * r), Math.round(70 + 150 * r), Math.round(140 + 11 * r), 150]
}
const OUTLINE: Rgba = [79, 179, 255, 255]

/** The middle of a feature's extent: where its label goes (units are compact blocks). */
function middleOf(f: GeoJSON.Feature): [number, number] | null {
  const b = boundsOf({ type: 'FeatureCollection', features: [f] })
  return b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : null
}

/**
 * Unit names without the part they all share ("南部产城更新第3单元" → "第3单元"): the units sit side by
 * side, and the full names would cover each other and the map. The takeaway and legend name the zone.
 */
export function shortNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names]
  let prefix = names[0] ?? ''
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1)
  // Keep the whole ordinal: "第1单元" and "第12单元" share "第1" but not their numbers.
  prefix = prefix.replace(/(第|No\.?\s*)?\d*$/u, '')
  return names.map((n) => n.slice(prefix.length).trim() || n)
}

/** The southern renewal zone: each unit shaded and labelled with its progress (mean of its goals). */
export const renewalScene: WallSceneDefinition<RenewalPrepared> = {
  id: 'renewal',
  camera: { pitch: 50, bearing: 20 },
  // The units' own labels; sub-district names would sit on top of them.
  hideBasemapLayers: ['sub-district-label'],
  prepare({ renewalUnits, summary, t, en }) {
    const ratios = renewalRatios(summary)
    type UnitProps = { id: string; name_zh: string; name_en: string; ratio: number }
    const features = (renewalUnits?.features ?? []).map((f) => ({
      ...f,
      properties: {
        ...(f.properties as Omit<UnitProps, 'ratio'>),
        ratio: ratios.get(String(f.properties?.id)) ?? 0,
      } satisfies UnitProps,
    }))
    const nameOf = (p: UnitProps) => (en && p.name_en) || p.name_zh
    const short = shortNames(features.map((f) => nameOf(f.properties)))
    const labels: MapLabel[] = features.flatMap((f, i) => {
      const at = middleOf(f)
      return at
        ? [{ id: String(f.properties.id), position: at, title: `${short[i]} ${Math.round(f.properties.ratio * 100)}%` }]
        : []
    })
    let takeaway = ''
    if (summary && labels.length) {
      const shares = renewalShares(summary)
      const slowest = features.reduce((a, b) => (b.properties.ratio < a.properties.ratio ? b : a))
      takeaway = t('wall.takeaway.renewal', {
        units: shares.units,
        roads: percent(shares.roads) ?? '—',
        facilities: percent(shares.facilities) ?? '—',
        name: en ? slowest.properties.name_en : slowest.properties.name_zh,
        least: Math.round(slowest.properties.ratio * 100),
      })
    }
    return {
      prepared: { units: { type: 'FeatureCollection', features } },
      bounds: boundsOf(renewalUnits),
      legend: [
        ...[0, 0.5, 1].map((r) => ({
          key: `p${r}`,
          label: t('wall.legend.progress', { percent: r * 100 }),
          colour: cssColour(renewalFill(r)),
          shape: 'area' as const,
        })),
        { key: 'outline', label: t('wall.legend.unitOutline'), colour: cssColour(OUTLINE), shape: 'line' as const },
      ],
      takeaway,
      labels,
      count: renewalUnits ? features.length : null,
    }
  },
  layers(p, t) {
    return [
      new GeoJsonLayer({
        id: 'wall-renewal',
        data: p.units,
        filled: true,
        stroked: true,
        getFillColor: (f) => renewalFill(Number(f.properties?.ratio ?? 0)),
        getLineColor: OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        lineWidthScale: 1.5 + Math.sin((t / 900) % (2 * Math.PI)),
        updateTriggers: { getFillColor: p.units },
      }),
    ]
  },
}
