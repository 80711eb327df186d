import { z } from 'zod'
import type { BasemapChoice } from './map/online-basemaps.ts'

/**
 * Build-time configuration of the web app (Vite `VITE_*` variables), parsed once, here and nowhere
 * else. Online basemaps are off unless chosen, so a default build makes no request outside our server.
 */
const WebEnv = z.object({
  VITE_ONEMAP_BASEMAP: z.enum(['none', 'osm', 'tianditu', 'amap']).default('none'),
  VITE_ONEMAP_TIANDITU_KEY: z.string().default(''),
})

function parse(source: unknown): { basemap: BasemapChoice } {
  const parsed = WebEnv.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid web build configuration: ${problems}`)
  }
  const { VITE_ONEMAP_BASEMAP: kind, VITE_ONEMAP_TIANDITU_KEY: key } = parsed.data
  return { basemap: kind === 'tianditu' ? { kind, key } : { kind } }
}

export const webEnv = parse(import.meta.env)
