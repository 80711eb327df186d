import type { Harness } from './harness.ts'

/** Calls a tRPC query over HTTP the way any client would, to compare the page against the API. */
export async function query<T>(h: Harness, path: string, input?: unknown): Promise<T> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`
  const res = await fetch(`${h.origin}/trpc/${path}${qs}`)
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { result: { data: T } }).result.data
}

export interface FacilityFeature {
  type: 'Feature'
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: { id: string; name_zh: string; name_en: string; status: string; kind: string; in_programme: boolean }
}

export async function facilities(h: Harness): Promise<FacilityFeature[]> {
  const fc = await query<{ features: FacilityFeature[] }>(h, 'features.query', { layer: 'facilities', limit: 5000 })
  return fc.features
}
