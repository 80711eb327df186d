import {
  comparePlaces,
  distanceM,
  lineLengthM,
  nearestOnLine,
  roundPosition,
  segmentIntersection,
  verticesBetween,
  type Line,
  type LinePlace,
  type Position,
} from './geometry.ts'
import type { RoadAxis } from './roads.ts'

/** A road end this close to another road is a T-junction: the end is moved onto that road. */
const SNAP_M = 150
/** Crossings and cuts closer than this are one junction (road axes are ±150 m estimates anyway). */
const SAME_JUNCTION_M = 5

export interface SplitSegment {
  id: string
  road: RoadAxis
  line: Line
}

/**
 * Splits the road axes at every junction: where two axes cross, and where one road ends on another
 * (its end is snapped onto the other road first). Both roads of a junction get the very same rounded
 * vertex, so the network is topologically connected.
 */
export function splitAtJunctions(roads: RoadAxis[]): SplitSegment[] {
  const axes = roads.map((r) => r.axis.map(roundPosition))
  const cuts: LinePlace[][] = roads.map(() => [])
  snapEnds(axes, cuts)
  addCrossings(axes, cuts)
  return roads.flatMap((road, i) =>
    piecesOf(axes[i] as Line, cuts[i] as LinePlace[]).map((line, k) => ({
      id: `r-${road.id}-${String(k + 1).padStart(2, '0')}`,
      road,
      line,
    })),
  )
}

function isNearEnd(line: Line, p: Position): boolean {
  return (
    distanceM(line[0] as Position, p) < SAME_JUNCTION_M ||
    distanceM(line[line.length - 1] as Position, p) < SAME_JUNCTION_M
  )
}

function addCut(cuts: LinePlace[], line: Line, place: LinePlace) {
  if (isNearEnd(line, place.point)) return
  if (cuts.some((c) => distanceM(c.point, place.point) < SAME_JUNCTION_M)) return
  cuts.push(place)
}

/** Moves each road end that stops short of (or overshoots) a nearby road onto it, and cuts that road there. */
function snapEnds(axes: Line[], cuts: LinePlace[][]) {
  axes.forEach((axis, i) => {
    for (const end of [0, axis.length - 1]) {
      const p = axis[end] as Position
      let best: { j: number; place: LinePlace; d: number } | undefined
      axes.forEach((other, j) => {
        if (j === i) return
        const near = nearestOnLine(other, p)
        if (near.distanceM < SNAP_M && (!best || near.distanceM < best.d)) best = { j, place: near, d: near.distanceM }
      })
      if (!best) continue
      const other = axes[best.j] as Line
      // Two roads meeting end to end (a name change) need no cut.
      if (isNearEnd(other, best.place.point)) continue
      const point = roundPosition(best.place.point)
      axis[end] = point
      addCut(cuts[best.j] as LinePlace[], other, { ...best.place, point })
    }
  })
}

function addCrossings(axes: Line[], cuts: LinePlace[][]) {
  for (let a = 0; a < axes.length; a++) {
    for (let b = a + 1; b < axes.length; b++) {
      const la = axes[a] as Line
      const lb = axes[b] as Line
      for (let i = 0; i + 1 < la.length; i++) {
        for (let j = 0; j + 1 < lb.length; j++) {
          const hit = segmentIntersection(
            la[i] as Position,
            la[i + 1] as Position,
            lb[j] as Position,
            lb[j + 1] as Position,
          )
          if (!hit) continue
          const point = roundPosition(hit.point)
          addCut(cuts[a] as LinePlace[], la, { index: i, t: hit.t, point })
          addCut(cuts[b] as LinePlace[], lb, { index: j, t: hit.u, point })
        }
      }
    }
  }
}

/** The pieces of a line between its cuts, each a LineString of at least two distinct vertices. */
function piecesOf(line: Line, cuts: LinePlace[]): Line[] {
  const start: LinePlace = { index: 0, t: 0, point: line[0] as Position }
  const end: LinePlace = { index: line.length - 2, t: 1, point: line[line.length - 1] as Position }
  const stops = [start, ...[...cuts].sort(comparePlaces), end]
  const pieces: Line[] = []
  for (let k = 0; k + 1 < stops.length; k++) {
    const from = stops[k] as LinePlace
    const to = stops[k + 1] as LinePlace
    // A cut exactly on a vertex (t = 1) must not repeat that vertex.
    const inner = verticesBetween(line, from, to).filter(
      (v) => distanceM(v, from.point) > 0.5 && distanceM(v, to.point) > 0.5,
    )
    const piece = [from.point, ...inner, to.point]
    if (lineLengthM(piece) > 1) pieces.push(piece)
  }
  return pieces
}
