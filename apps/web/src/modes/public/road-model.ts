import type { RoadClass, RoadSegmentStatus } from '@onemap/domain/values'
import { str } from './facility-model.ts'

/** One buildable stretch of a road, as the public map and road card show it (public fields only). */
export interface Segment {
  id: string
  road_id: string
  name_zh: string
  name_en: string
  class: RoadClass
  status: RoadSegmentStatus
  length_m: number
  planned_start: string | null
  planned_finish: string | null
  actual_start: string | null
  actual_finish: string | null
  in_programme: boolean
  suspended_from: string | null
  suspended_since: string | null
  /** The segment's line, [lon, lat] pairs (CGCS2000 degrees). */
  line: [number, number][]
}

/** A road: its segments and what the roads goal counts of it, in metres. */
export interface Road {
  id: string
  name_zh: string
  name_en: string
  class: RoadClass
  segments: Segment[]
  lengthM: number
  builtM: number
  /** Length of the segments listed in the programme, and of those built. */
  programmeM: number
  programmeBuiltM: number
  /** [west, south, east, north] of all segments. */
  bounds: [number, number, number, number]
}

/** Reads one GeoJSON feature of the road_segments layer (LineString or MultiLineString). */
export function segmentFromFeature(feature: GeoJSON.Feature): Segment {
  const p = (feature.properties ?? {}) as Record<string, unknown>
  const g = feature.geometry
  const line = g?.type === 'LineString' ? g.coordinates : g?.type === 'MultiLineString' ? g.coordinates.flat() : []
  return {
    id: String(p.id ?? feature.id),
    road_id: String(p.road_id),
    name_zh: str(p.name_zh) ?? String(p.road_id),
    name_en: str(p.name_en) ?? str(p.name_zh) ?? String(p.road_id),
    class: p.class as RoadClass,
    status: p.status as RoadSegmentStatus,
    length_m: typeof p.length_m === 'number' ? p.length_m : 0,
    planned_start: str(p.planned_start),
    planned_finish: str(p.planned_finish),
    actual_start: str(p.actual_start),
    actual_finish: str(p.actual_finish),
    in_programme: p.in_programme === true,
    suspended_from: str(p.suspended_from),
    suspended_since: str(p.suspended_since),
    line: line.map(([lon, lat]) => [lon as number, lat as number]),
  }
}

/** Groups segments into roads, keeping segment order by id (the digitiser numbers them along the road). */
export function roadsFromSegments(segments: readonly Segment[]): Road[] {
  const roads = new Map<string, Road>()
  for (const s of segments) {
    let road = roads.get(s.road_id)
    if (!road) {
      road = {
        id: s.road_id,
        name_zh: s.name_zh,
        name_en: s.name_en,
        class: s.class,
        segments: [],
        lengthM: 0,
        builtM: 0,
        programmeM: 0,
        programmeBuiltM: 0,
        bounds: [180, 90, -180, -90],
      }
      roads.set(s.road_id, road)
    }
    road.segments.push(s)
    const built = s.status === 'completed'
    road.lengthM += s.length_m
    if (built) road.builtM += s.length_m
    if (s.in_programme) {
      road.programmeM += s.length_m
      if (built) road.programmeBuiltM += s.length_m
    }
    for (const [lon, lat] of s.line) {
      road.bounds = [
        Math.min(road.bounds[0], lon),
        Math.min(road.bounds[1], lat),
        Math.max(road.bounds[2], lon),
        Math.max(road.bounds[3], lat),
      ]
    }
  }
  for (const road of roads.values()) road.segments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return [...roads.values()]
}

/** The road's name in the page language. */
export function roadName(r: Pick<Road, 'name_zh' | 'name_en'>, language: string): string {
  return language === 'zh' ? r.name_zh : r.name_en
}
