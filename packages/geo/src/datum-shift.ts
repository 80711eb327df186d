import gcoord from 'gcoord'

/**
 * China's offset datums. GCJ-02 (AMap/高德, Tencent) and BD-09 (Baidu) are not PROJ CRSs: they are a
 * published non-linear obfuscation applied on top of WGS84, so they are converted with gcoord rather
 * than proj4. CGCS2000 and WGS84 differ by centimetres; both are "WGS84" to these functions.
 *
 * gcoord inverts GCJ-02 iteratively to 1e-6° (≈ 0.1 m), far below the accuracy of any layer here.
 * Outside China's bounding box the offsets are not defined and positions come back unchanged.
 */

/** [lon, lat] in WGS84/CGCS2000 degrees → GCJ-02 degrees. */
export function toGcj02(position: readonly [number, number]): [number, number] {
  return pair(gcoord.transform([position[0], position[1]], gcoord.WGS84, gcoord.GCJ02))
}

/** [lon, lat] in GCJ-02 degrees → WGS84/CGCS2000 degrees. */
export function fromGcj02(position: readonly [number, number]): [number, number] {
  return pair(gcoord.transform([position[0], position[1]], gcoord.GCJ02, gcoord.WGS84))
}

/** [lon, lat] in BD-09 degrees (Baidu) → WGS84/CGCS2000 degrees. */
export function fromBd09(position: readonly [number, number]): [number, number] {
  return pair(gcoord.transform([position[0], position[1]], gcoord.BD09, gcoord.WGS84))
}

/** [lon, lat] in WGS84/CGCS2000 degrees → BD-09 degrees, for tests and for comparing with Baidu maps. */
export function toBd09(position: readonly [number, number]): [number, number] {
  return pair(gcoord.transform([position[0], position[1]], gcoord.WGS84, gcoord.BD09))
}

function pair(result: unknown): [number, number] {
  const [x, y] = result as [number, number]
  return [x, y]
}
