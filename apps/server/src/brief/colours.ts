import { findLayer } from '@onemap/domain/layers'

/** Segment status colours: the layer catalogue's legend, as on every map of OneMap. */
export const SEGMENT_STATUS_COLOURS_BRIEF: Record<string, string> = Object.fromEntries((findLayer('road_segments')?.legend ?? []).map((e) => [e.value, e.color]))

/** Facility status colours of the workbench map (apps/web plan-layers.ts), so the brief reads like /plan. */
export const FACILITY_STATUS_COLOURS_BRIEF: Record<string, string> = {
  planned: '#9e9e9e',
  started: '#f59e0b',
  completed: '#0ea5e9',
  in_service: '#16a34a',
  suspended: '#dc2626',
}
