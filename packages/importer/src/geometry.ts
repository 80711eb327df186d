import type { Geometry, Position } from 'geojson'
import { z } from 'zod'
import { isProjected, toCgcs2000, type SourceCrs } from '@onemap/geo/crs'
import { ZONE_SURROUNDINGS } from '@onemap/domain/zone'
import type { TargetGeometry } from './layers.ts'

/** Where imported data may lie once in EPSG:4490: the zone and its surroundings (@onemap/domain/zone). */
const [WEST, SOUTH, EAST, NORTH] = ZONE_SURROUNDINGS

const Pos = z.array(z.number().finite()).min(2).max(4)
const GeoJsonGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: Pos }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(Pos) }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(Pos).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(Pos).min(2)).min(1) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Pos).min(4)).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Pos).min(4)).min(1)).min(1) }),
])

/** A geometry that failed to convert, with the reason and, where we can tell, the likely cause. */
export interface GeometryProblem {
  reason: string
  hint?: string
}

/**
 * Checks a feature's geometry, converts it to the layer's stored type and to EPSG:4490, and checks that
 * every position lies in the plausible extent. Returns the converted geometry or the problem.
 */
export function prepareGeometry(raw: unknown, target: TargetGeometry, crs: SourceCrs): Geometry | GeometryProblem {
  if (raw === null || raw === undefined) return { reason: 'has no geometry' }
  const type = (raw as { type?: unknown }).type
  if (type === 'GeometryCollection') return { reason: `is a GeometryCollection; the layer takes ${target}` }
  const parsed = GeoJsonGeometry.safeParse(raw)
  if (!parsed.success)
    return {
      reason: `has a malformed ${typeof type === 'string' ? type : 'geometry'} (${parsed.error.issues[0]?.message})`,
    }
  const fitted = fitType(parsed.data as Geometry, target)
  if ('reason' in fitted) return fitted
  const convert = toCgcs2000(crs)
  let problem: GeometryProblem | undefined
  const mapped = mapPositions(fitted, (p) => {
    const [lon, lat] = convert([p[0] as number, p[1] as number])
    if (!problem && !inExtent(lon, lat)) problem = diagnose(p, [lon, lat], crs)
    return [lon, lat]
  })
  return problem ?? mapped
}

/** Converts single/multi forms where nothing is lost; anything else is the wrong geometry type. */
function fitType(g: Geometry, target: TargetGeometry): Geometry | GeometryProblem {
  if (g.type === target) return g
  if (target === 'Point' && g.type === 'MultiPoint' && g.coordinates.length === 1)
    return { type: 'Point', coordinates: g.coordinates[0] as Position }
  if (target === 'LineString' && g.type === 'MultiLineString' && g.coordinates.length === 1) {
    return { type: 'LineString', coordinates: g.coordinates[0] as Position[] }
  }
  if (target === 'MultiLineString' && g.type === 'LineString')
    return { type: 'MultiLineString', coordinates: [g.coordinates] }
  if (target === 'MultiPolygon' && g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] }
  const parts = 'coordinates' in g && g.type.startsWith('Multi') ? ` with ${g.coordinates.length} parts` : ''
  const fix = target === 'LineString' && g.type === 'MultiLineString' ? ' (split it into one segment per part)' : ''
  return { reason: `is a ${g.type}${parts}; this layer takes ${target}${fix}` }
}

function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: f(g.coordinates) }
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(f) }
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(f)) }
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) }
    default:
      return g
  }
}

const inExtent = (lon: number, lat: number) => lon >= WEST && lon <= EAST && lat >= SOUTH && lat <= NORTH

const fmt = (n: number) => (Math.abs(n) > 1000 ? n.toFixed(1) : n.toFixed(6))

/** Names the likely mistake behind a position outside the extent, judging by its raw numbers. */
function diagnose(raw: Position, converted: [number, number], crs: SourceCrs): GeometryProblem {
  const [x, y] = [raw[0] as number, raw[1] as number]
  const at = `(${fmt(x)}, ${fmt(y)})`
  const reason = `lies outside the zone's plausible extent at ${at} read as ${crs}`
  const looksLikeGk = y > 3_700_000 && y < 4_000_000
  if (!isProjected(crs) && inExtent(y, x)) {
    return {
      reason,
      hint: 'latitude and longitude look swapped: positions must be written lon, lat (x = 113.x, y = 34.x)',
    }
  }
  if (!isProjected(crs) && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
    if (looksLikeGk && x > 38_000_000 && x < 39_000_000) {
      return {
        reason,
        hint: 'the coordinates are Gauss-Krüger metres with the zone prefix 38, not degrees: pass --crs EPSG:4526',
      }
    }
    if (looksLikeGk && x > 300_000 && x < 700_000) {
      return {
        reason,
        hint: 'the coordinates are projected metres (CGCS2000 Gauss-Krüger CM 114°E), not degrees, and the file names no CRS: pass --crs EPSG:4547',
      }
    }
    return {
      reason,
      hint: 'the coordinates are projected metres, not degrees, and the file names no CRS: pass --crs with the projection they are in',
    }
  }
  if (crs === 'EPSG:4547' && x > 38_000_000) {
    return { reason, hint: 'the eastings carry the zone prefix 38: the data is EPSG:4526, not EPSG:4547' }
  }
  if (crs === 'EPSG:4526' && x > 300_000 && x < 700_000) {
    return { reason, hint: 'the eastings have no zone prefix: the data is EPSG:4547, not EPSG:4526' }
  }
  if (isProjected(crs) && Math.abs(x) <= 180 && Math.abs(y) <= 90) {
    return {
      reason,
      hint: `the coordinates look like degrees, but ${crs} is projected metres: drop --crs or pass --crs EPSG:4490`,
    }
  }
  return { reason: `${reason} (→ ${fmt(converted[0])}, ${fmt(converted[1])} in EPSG:4490)` }
}
