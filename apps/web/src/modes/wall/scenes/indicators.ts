import type { WallSceneDefinition } from './scene-types.ts'

// The colours of indicator statuses, as the board's tiles draw them (scenes/indicators.css).
const STATUS_COLOURS = {
  on_pace: '#3ddc97',
  met: '#4fb3ff',
  behind: '#ffb020',
  missed: '#ff6b6b',
  no_data: '#9fb3c8',
} as const

/**
 * 城市数据一块屏 (/wall?scenes=indicators): the work report's indicators on a board that covers the map
 * (scenes/IndicatorScene.tsx draws it); this definition gives the rotation its title, legend and an
 * empty map layer list. Shown only on request, so the default rotation stays on the map scenes.
 */
export const indicatorsScene: WallSceneDefinition<null> = {
  id: 'indicators',
  onRequest: true,
  camera: { pitch: 0, bearing: 0 },
  prepare({ t }) {
    return {
      prepared: null,
      bounds: null,
      legend: Object.entries(STATUS_COLOURS).map(([status, colour]) => ({
        key: status,
        label: t(`indicators.status.${status}`),
        colour,
        shape: 'area' as const,
      })),
      takeaway: t('indicators.wallTakeaway'),
      labels: [],
      count: null,
    }
  },
  layers: () => [],
}
