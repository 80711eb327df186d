import type { Map as MapLibreMap } from 'maplibre-gl'
import { createContext, useContext } from 'react'

/** The page's one map, or null until its style has loaded. Modes add and remove their layers on it. */
export const MapContext = createContext<MapLibreMap | null>(null)

export function useMap(): MapLibreMap | null {
  return useContext(MapContext)
}
