import type { BasemapChoice } from './map/online-basemaps.ts'

/**
 * Build-time configuration of the web app (Vite `VITE_*` variables), parsed once, here and nowhere
 * else. Online basemaps are off unless chosen, so a default build makes no request outside our server.
 * Checked by hand rather than with zod: two variables do not justify a schema library in the public
 * page's first load.
 */
const BASEMAPS = ['none', 'osm', 'tianditu', 'amap'] as const

function parse(source: Record<string, unknown>): { basemap: BasemapChoice } {
  const kind = source.VITE_ONEMAP_BASEMAP ?? 'none'
  const key = source.VITE_ONEMAP_TIANDITU_KEY ?? ''
  if (typeof kind !== 'string' || !(BASEMAPS as readonly string[]).includes(kind)) {
    throw new Error(
      `Invalid web build configuration: VITE_ONEMAP_BASEMAP: expected one of ${BASEMAPS.join(', ')}, got '${String(kind)}'`,
    )
  }
  if (typeof key !== 'string')
    throw new Error('Invalid web build configuration: VITE_ONEMAP_TIANDITU_KEY: expected text')
  const basemap = kind as (typeof BASEMAPS)[number]
  return { basemap: basemap === 'tianditu' ? { kind: basemap, key } : { kind: basemap } }
}

export const webEnv = parse(import.meta.env)
