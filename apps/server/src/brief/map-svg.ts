import { FACILITY_STATUS_COLOURS, ROAD_SEGMENT_STATUS_COLOURS } from '@onemap/domain/values'

type Position = [number, number]
interface Geometry {
  type: string
  coordinates: unknown
}

export interface BriefMapInput {
  outline?: unknown
  segments: { id: string; status: string; geometry?: unknown }[]
  facilities: { id: string; status: string; geometry?: unknown }[]
  /** 'entity:id' → card colour. */
  cards: Record<string, 'red' | 'yellow'>
}

const CARD = { red: '#dc2626', yellow: '#eab308' } as const

/** The status colour of every light map (@onemap/domain/values); grey for a status it does not know. */
const colourOf = (colours: Record<string, string>, status: string): string => colours[status] ?? '#9e9e9e'

/** Every [lon, lat] pair in a GeoJSON geometry's coordinates, however deeply nested. */
function positions(coords: unknown, out: Position[] = []): Position[] {
  if (Array.isArray(coords) && typeof coords[0] === 'number') out.push(coords as Position)
  else if (Array.isArray(coords)) for (const c of coords) positions(c, out)
  return out
}

/** Rings or lines of a geometry as lists of positions (points excluded). */
function paths(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates as Position[]]
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates as Position[][]
    case 'MultiPolygon':
      return (g.coordinates as Position[][][]).flat()
    default:
      return []
  }
}

/**
 * The area as an SVG image: programme segments in status colours over the area outline, facilities as
 * dots, carded items outlined in red or yellow. Equirectangular with the x scale shrunk by cos(latitude),
 * which is true to shape within the zone's 15 km; printed as vectors, so it stays sharp on paper.
 */
export function briefMapSvg(input: BriefMapInput, width = 680, height = 420): string {
  const all = [input.outline, ...input.segments.map((s) => s.geometry), ...input.facilities.map((f) => f.geometry)]
    .filter(Boolean)
    .flatMap((g) => positions((g as Geometry).coordinates))
  if (all.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`
  const lons = all.map((p) => p[0])
  const lats = all.map((p) => p[1])
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)]
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const pad = 12
  const scale = Math.min(
    (width - 2 * pad) / Math.max((maxLon - minLon) * kx, 1e-9),
    (height - 2 * pad) / Math.max(maxLat - minLat, 1e-9),
  )
  const xy = ([lon, lat]: Position) =>
    `${(pad + (lon - minLon) * kx * scale).toFixed(1)},${(height - pad - (lat - minLat) * scale).toFixed(1)}`
  const d = (g: Geometry, close: boolean) =>
    paths(g)
      .map((ring) => `M${ring.map(xy).join('L')}${close ? 'Z' : ''}`)
      .join('')
  const parts: string[] = []
  if (input.outline)
    parts.push(`<path d="${d(input.outline as Geometry, true)}" fill="#f8fafc" stroke="#334155" stroke-width="1.5"/>`)
  for (const s of input.segments) {
    const card = input.cards[`road_segment:${s.id}`]
    if (card)
      parts.push(
        `<path d="${d(s.geometry as Geometry, false)}" fill="none" stroke="${CARD[card]}" stroke-width="9" stroke-linecap="round" opacity="0.85"/>`,
      )
  }
  for (const s of input.segments) {
    parts.push(
      `<path d="${d(s.geometry as Geometry, false)}" fill="none" stroke="${colourOf(ROAD_SEGMENT_STATUS_COLOURS, s.status)}" stroke-width="3" stroke-linecap="round"/>`,
    )
  }
  for (const f of input.facilities) {
    const [x, y] = xy((f.geometry as Geometry).coordinates as Position).split(',')
    const card = input.cards[`facility:${f.id}`]
    const ring = card ? ` stroke="${CARD[card]}" stroke-width="3"` : ' stroke="#ffffff" stroke-width="1"'
    parts.push(
      `<circle cx="${x}" cy="${y}" r="${card ? 6 : 4}" fill="${colourOf(FACILITY_STATUS_COLOURS, f.status)}"${ring}/>`,
    )
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img">${parts.join('')}</svg>`
}
