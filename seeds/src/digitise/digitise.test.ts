import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { readSampleLayers } from '../sample-layers.ts'
import { ringAreaKm2InEpsg4547, type Position } from './geometry.ts'
import { digitiseAll } from './index.ts'
import { DATA_DIR } from './paths.ts'

test('the committed data files are exactly what the digitiser writes (re-run `pnpm digitise` after editing it)', () => {
  const files = digitiseAll()
  expect(files.size).toBe(9)
  for (const [name, text] of files) expect(readFileSync(join(DATA_DIR, name), 'utf8'), name).toBe(text)
})

test('the digitiser is deterministic: two runs give identical bytes', () => {
  expect([...digitiseAll()]).toEqual([...digitiseAll()])
})

test('the renewal zone measures 17.5 km² ± 1% in EPSG:4547 (proj4, planar shoelace)', () => {
  const layers = readSampleLayers()
  const geometry = layers.renewalZone.features[0]?.geometry
  if (geometry?.type !== 'Polygon') throw new Error('renewal zone is not a polygon')
  const area = ringAreaKm2InEpsg4547(geometry.coordinates[0] as Position[])
  expect(Math.abs(area - 17.5) / 17.5).toBeLessThan(0.01)
})

test('no coordinate carries more than 6 decimals', () => {
  for (const text of digitiseAll().values()) expect(text).not.toMatch(/\d\.\d{7,}/)
})

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000

test('build durations fit the class: branch roads in months, arterials within a few years', () => {
  const limits: Record<string, [number, number]> = {
    branch: [60, 730],
    secondary: [120, 1100],
    arterial: [240, 1900],
    expressway: [300, 1900],
  }
  for (const { properties: p } of readSampleLayers().roadSegments.features) {
    if (p.status !== 'completed' || !p.in_programme) continue
    const [min, max] = limits[p.road_class] as [number, number]
    const took = days(p.actual_start as string, p.actual_finish as string)
    expect(took, p.id).toBeGreaterThanOrEqual(min)
    expect(took, p.id).toBeLessThanOrEqual(max)
  }
  const facilityLimits: Record<string, [number, number]> = {
    school: [400, 1100],
    kindergarten: [250, 900],
    hospital: [700, 1700],
    clinic: [200, 800],
    public_health: [450, 1400],
  }
  for (const { properties: p } of readSampleLayers().facilities.features) {
    if (!p.actual_finish || !p.actual_start) continue
    const [min, max] = facilityLimits[p.kind] as [number, number]
    const took = days(p.actual_start, p.actual_finish)
    expect(took, p.id).toBeGreaterThanOrEqual(min)
    expect(took, p.id).toBeLessThanOrEqual(max)
  }
})

test('invented facilities and roads say so in their names', () => {
  const layers = readSampleLayers()
  for (const { properties: p } of layers.facilities.features) {
    if (!p.is_real) expect(p.name_zh, p.id).toMatch(/示例/)
  }
  const sampleRoads = layers.roadSegments.features.filter((f) => f.properties.road_name_en.includes('(sample)'))
  expect(sampleRoads.length).toBeGreaterThan(0)
  for (const { properties: p } of sampleRoads) expect(p.road_name_zh, p.id).toMatch(/^示例·/)
  for (const { properties: p } of layers.rivers.features)
    expect(p.river_chief_is_sample && /示例/.test(p.river_chief ?? '')).toBe(true)
})

test('items that existed before the programme have no history; every programme item has one', () => {
  const layers = readSampleLayers()
  const withHistory = new Set(layers.statusEvents.map((e) => e.entity_id))
  const items = [...layers.roadSegments.features, ...layers.facilities.features].map((f) => f.properties)
  for (const p of items) expect(withHistory.has(p.id), p.id).toBe(p.in_programme)
})
