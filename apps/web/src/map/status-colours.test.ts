import { FACILITY_STATUS_COLOURS, ROAD_SEGMENT_STATUS_COLOURS } from '@onemap/domain/values'
import { expect, test } from 'vitest'
import { BASEMAP_COLOURS } from './basemap-style.ts'

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

test('every status colour of the light maps stands out 3:1 from the basemap and the zone fill (WCAG 1.4.11)', () => {
  for (const [status, colour] of [
    ...Object.entries(ROAD_SEGMENT_STATUS_COLOURS),
    ...Object.entries(FACILITY_STATUS_COLOURS),
  ]) {
    expect(contrast(colour, BASEMAP_COLOURS.background), status).toBeGreaterThanOrEqual(3)
    expect(contrast(colour, BASEMAP_COLOURS.zoneFill), status).toBeGreaterThanOrEqual(3)
  }
})
