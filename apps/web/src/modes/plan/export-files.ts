/** Column order of the CSV export: the table's fields, then the schedule facts. */
export const CSV_COLUMNS = [
  'id',
  'roadId',
  'nameZh',
  'nameEn',
  'roadClass',
  'status',
  'lengthM',
  'inProgramme',
  'subDistrictCode',
  'subDistrictName',
  'plannedStart',
  'plannedFinish',
  'actualStart',
  'actualFinish',
  'state',
  'overdueDays',
  'latestStart',
] as const

export interface ExportFeature {
  type: 'Feature'
  id: string
  geometry: unknown
  properties: Record<string, unknown>
}

/** Byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF'

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** CSV text (BOM, header row, CRLF line ends) of the features' properties. */
export function toCsv(features: readonly ExportFeature[]): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const f of features) lines.push(CSV_COLUMNS.map((c) => csvField(f.properties[c])).join(','))
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}

/** GeoJSON text of the features (RFC 7946: lon/lat degrees; CGCS2000 is within centimetres of WGS84). */
export function toGeoJson(features: readonly ExportFeature[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features })
}

/** Offers `text` to the browser as a download named `filename`. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
