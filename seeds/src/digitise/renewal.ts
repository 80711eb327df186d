import {
  closeRing,
  crossing,
  distanceM,
  ringAreaKm2InEpsg4547,
  round6,
  verticesBetween,
  type Line,
  type LinePlace,
  type Position,
} from './geometry.ts'
import { roadAxis } from './roads.ts'

/** The report's figure; the digitised zone is fitted to it (FACTS: "17.5 km² once the green belt is excluded"). */
export const RENEWAL_TARGET_KM2 = 17.5

/**
 * West bank of the 贾鲁河 / 西流湖 green belt, before fitting. The zone's east edge is this line moved
 * east or west until the area computed in EPSG:4547 is the report's 17.5 km².
 */
const GREEN_BELT_EDGE: Line = [
  [113.5865, 34.776],
  [113.588, 34.796],
  [113.5865, 34.816],
]

/** Lengthens both ends of a line so that grid lines always cross (road axes may stop at the crossing road). */
function extend(line: Line, metres: number): Line {
  const stretch = (from: Position, to: Position): Position => {
    const f = metres / distanceM(from, to)
    return [to[0] + (to[0] - from[0]) * f, to[1] + (to[1] - from[1]) * f]
  }
  const first = stretch(line[1] as Position, line[0] as Position)
  const last = stretch(line[line.length - 2] as Position, line[line.length - 1] as Position)
  return [first, ...line.slice(1, -1), last]
}

interface Grid {
  rows: Line[] // south to north
  columns: Line[] // west to east
}

/**
 * A partition of the area between the first and last row and column into (rows-1)×(cols-1) cells.
 * Every node is computed once and reused by the cells on both sides, so cells share edges exactly.
 */
function cells(grid: Grid): { outline: Position[]; cells: Position[][][] } {
  const nodes = grid.rows.map((row, r) =>
    grid.columns.map((column, c) => crossing(row, column, `renewal grid row ${r} and column ${c}`)),
  )
  const node = (r: number, c: number) => nodes[r]?.[c] as { onA: LinePlace; onB: LinePlace; point: Position }
  // Along row r from column c1 to c2 (either direction), excluding the end nodes.
  const alongRow = (r: number, c1: number, c2: number): Position[] => {
    const lo = Math.min(c1, c2)
    const hi = Math.max(c1, c2)
    const inner = verticesBetween(grid.rows[r] as Line, node(r, lo).onA, node(r, hi).onA)
    return c1 < c2 ? inner : inner.reverse()
  }
  const alongColumn = (c: number, r1: number, r2: number): Position[] => {
    const lo = Math.min(r1, r2)
    const hi = Math.max(r1, r2)
    const inner = verticesBetween(grid.columns[c] as Line, node(lo, c).onB, node(hi, c).onB)
    return r1 < r2 ? inner : inner.reverse()
  }
  // Anticlockwise walk: east along the lower row, north, west along the upper row, south.
  const walk = (r1: number, r2: number, c1: number, c2: number): Position[] => {
    const out: Position[] = []
    for (let c = c1; c < c2; c++) out.push(node(r1, c).point, ...alongRow(r1, c, c + 1))
    for (let r = r1; r < r2; r++) out.push(node(r, c2).point, ...alongColumn(c2, r, r + 1))
    for (let c = c2; c > c1; c--) out.push(node(r2, c).point, ...alongRow(r2, c, c - 1))
    for (let r = r2; r > r1; r--) out.push(node(r, c1).point, ...alongColumn(c1, r, r - 1))
    return closeRing(out)
  }
  const lastRow = grid.rows.length - 1
  const lastColumn = grid.columns.length - 1
  const result: Position[][][] = []
  for (let r = 0; r < lastRow; r++) for (let c = 0; c < lastColumn; c++) result.push([walk(r, r + 1, c, c + 1)])
  return { outline: walk(0, lastRow, 0, lastColumn), cells: result }
}

function gridWithEastEdge(shiftDeg: number): Grid {
  const axis = (id: string) => extend(roadAxis(id).axis, 400)
  const east = GREEN_BELT_EDGE.map(([lon, lat]): Position => [lon + shiftDeg, lat])
  return {
    rows: [axis('huagong'), axis('wutong'), axis('kexue')],
    columns: [axis('xisihuan'), axis('changchun'), axis('xuesong'), axis('ruida'), extend(east, 400)],
  }
}

/** Finds the east-edge shift (by bisection) that gives the target area; deterministic, no randomness. */
function fitEastEdge(): number {
  let west = -0.01
  let east = 0.01
  for (let i = 0; i < 60; i++) {
    const mid = (west + east) / 2
    const area = ringAreaKm2InEpsg4547(cells(gridWithEastEdge(mid)).outline)
    if (area < RENEWAL_TARGET_KM2) west = mid
    else east = mid
  }
  return round6((west + east) / 2)
}

export interface RenewalLayout {
  zoneRing: Position[]
  unitRings: Position[][]
  areaKm2: number
}

/** The southern renewal zone and its 8 units (2 rows between 化工路, 梧桐街 and 科学大道 × 4 columns). */
export function renewalLayout(): RenewalLayout {
  const grid = cells(gridWithEastEdge(fitEastEdge()))
  return {
    zoneRing: grid.outline,
    unitRings: grid.cells.map((c) => c[0] as Position[]),
    areaKm2: ringAreaKm2InEpsg4547(grid.outline),
  }
}
