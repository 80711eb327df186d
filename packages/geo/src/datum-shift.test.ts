import { describe, expect, it } from 'vitest'
import { fromBd09, fromGcj02, toBd09, toGcj02 } from './datum-shift.ts'

/** Ground distance in metres between two [lon, lat] positions (equirectangular; fine below 1 km). */
function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180
  const dx = (a[0] - b[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad) * 6_378_137
  const dy = (a[1] - b[1]) * rad * 6_378_137
  return Math.hypot(dx, dy)
}

// Published reference pairs (the eviltransform project's test vectors), WGS84 ↔ GCJ-02.
const GCJ_PAIRS: { place: string; wgs: [number, number]; gcj: [number, number] }[] = [
  { place: 'Shanghai', wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597] },
  { place: 'Shenzhen', wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766] },
  { place: 'Beijing', wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069] },
]
describe('GCJ-02', () => {
  it.each(GCJ_PAIRS)('converts $place from GCJ-02 to WGS84 within 1 m of the reference', ({ wgs, gcj }) => {
    expect(metres(fromGcj02(gcj), wgs)).toBeLessThan(1)
  })

  it.each(GCJ_PAIRS)('converts $place from WGS84 to GCJ-02 within 1 m of the reference', ({ wgs, gcj }) => {
    expect(metres(toGcj02(wgs), gcj)).toBeLessThan(1)
  })

  it('shifts the zone by about +0.0062° lon and −0.0010° lat, as FACTS.md states', () => {
    const zone: [number, number] = [113.53, 34.81]
    const [lon, lat] = toGcj02(zone)
    expect(lon - zone[0]).toBeCloseTo(0.0062, 3)
    expect(lat - zone[1]).toBeCloseTo(-0.001, 3)
  })

  it('round-trips a position in the zone to within 0.2 m', () => {
    const p: [number, number] = [113.5512, 34.7931]
    expect(metres(fromGcj02(toGcj02(p)), p)).toBeLessThan(0.2)
  })
})

describe('BD-09', () => {
  // No trustworthy published BD-09 pairs exist (the ones circulating come from approximate inverses), so
  // BD-09 is checked as a round trip through gcoord's exact forward formula.
  it('round-trips a position in the zone through BD-09 to within 1 m', () => {
    const p: [number, number] = [113.5512, 34.7931]
    expect(metres(fromBd09(toBd09(p)), p)).toBeLessThan(1)
  })

  it('adds Baidu’s further offset of about +0.0065° lon, +0.006° lat over GCJ-02 near the zone', () => {
    const zone: [number, number] = [113.53, 34.81]
    const gcj = toGcj02(zone)
    const bd = toBd09(zone)
    expect(bd[0] - gcj[0]).toBeCloseTo(0.0065, 2)
    expect(bd[1] - gcj[1]).toBeCloseTo(0.006, 2)
  })
})
