import type { AppRouter } from '@onemap/api/root'
import type { ChangeEvent } from '@onemap/domain/change-event'
import { zoneToday } from '@onemap/domain/dates'
import { patchSegmentTable } from '@onemap/domain/segment-table'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { bbox } from '@turf/turf'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { cardsOrderShown, withChangedCard } from './duban/card-patch.ts'
import { labelPoint } from './sub-district-labels.ts'

type Inputs = inferRouterInputs<AppRouter>
type Outputs = inferRouterOutputs<AppRouter>
export type SegmentsInput = Inputs['analysis']['segments']
export type SegmentsPage = Outputs['analysis']['segments']
export type SegmentRow = SegmentsPage['rows'][number]
export type SegmentDetail = Outputs['analysis']['segment']
export type SortKey = NonNullable<SegmentsInput['sort']>
export type FacilitiesInput = Inputs['analysis']['facilities']
export type FacilityDetail = Outputs['analysis']['facility']
export type FacilitySortKey = NonNullable<FacilitiesInput['sort']>
export type Entity = 'road_segment' | 'facility'

/** What the edit forms need of an item, segment or facility. */
export interface EditableItem {
  entity: Entity
  id: string
  status: string
  suspendedFrom: string | null
  version: number
  revisedStart: string | null
  revisedFinish: string | null
  updatedBy: string
  updatedAt: string
}

/** The i18n key of a status of either entity. */
export const statusKey = (entity: Entity, status: string) =>
  entity === 'road_segment' ? `roadStatus.${status}` : `status.${status}`

/** Who is signed in (null for nobody); planners and admins may edit, viewers only look. */
export function useAccount() {
  const trpc = useTRPC()
  const me = useQuery(trpc.auth.me.queryOptions())
  const role = me.data?.role
  return { account: me.data ?? null, loading: me.isPending, canEdit: role === 'planner' || role === 'admin' }
}

/** One page of the filtered table with totals and every matching id. */
export function useSegments(input: SegmentsInput, enabled: boolean) {
  const trpc = useTRPC()
  // Paging and re-sorting keep the old page on screen until the new one arrives.
  return useQuery({ ...trpc.analysis.segments.queryOptions(input), enabled, placeholderData: keepPreviousData })
}

export function useSegment(id: string | null) {
  const trpc = useTRPC()
  return useQuery({ ...trpc.analysis.segment.queryOptions({ id: id ?? '' }), enabled: id !== null, retry: false })
}

export function useHistory(entity: Entity, id: string | null) {
  const trpc = useTRPC()
  return useQuery({ ...trpc.edits.history.queryOptions({ entity, id: id ?? '' }), enabled: id !== null })
}

/** One page of the filtered facility table with every matching id. */
export function useFacilities(input: FacilitiesInput) {
  const trpc = useTRPC()
  return useQuery({ ...trpc.analysis.facilities.queryOptions(input), placeholderData: keepPreviousData })
}

export function useFacility(id: string | null) {
  const trpc = useTRPC()
  return useQuery({ ...trpc.analysis.facility.queryOptions({ id: id ?? '' }), enabled: id !== null, retry: false })
}

/** [west, south, east, north] of a GeoJSON geometry in its degrees (turf); null for none. */
function bboxOf(geometry: { type: string; coordinates: unknown } | null): [number, number, number, number] | null {
  if (!geometry) return null
  // features.query's geometry is ST_AsGeoJSON output, typed loosely by the API.
  const [w, s, e, n] = bbox(geometry as GeoJSON.Geometry)
  return Number.isFinite(w) ? [w, s, e, n] : null
}

/** Sub-districts, renewal zones/units and rivers for the filter's choices (small, public layers). */
export function usePlaces() {
  const trpc = useTRPC()
  const names = (layer: 'sub_districts' | 'renewal_zones' | 'renewal_units' | 'rivers') =>
    trpc.features.query.queryOptions(
      { layer, limit: 500 },
      {
        staleTime: Infinity,
        select: (fc) =>
          fc.features.map((f) => ({
            id: String(f.id),
            nameZh: String(f.properties.name_zh ?? f.id),
            nameEn: String(f.properties.name_en ?? f.id),
            bbox: bboxOf(f.geometry),
            labelPoint: f.geometry ? labelPoint(f.geometry) : null,
          })),
      },
    )
  return {
    subDistricts: useQuery(names('sub_districts')).data ?? [],
    renewalZones: useQuery(names('renewal_zones')).data ?? [],
    renewalUnits: useQuery(names('renewal_units')).data ?? [],
    rivers: useQuery(names('rivers')).data ?? [],
  }
}

/** An item a change touched (a live ChangeEvent names it the same way). */
export type ChangedItem = { entity: Entity; entityId: string }

/**
 * Drops the cached answers an edit can change. Without `changed` (one's own save, a reconnect): the
 * table, every drawer and history, the progress and meeting figures. With the items a change names:
 * the table of their entity, their own drawer and history, and the figures, not other items' drawers.
 * Only what is on screen is read again (react-query refetches active queries only).
 */
export function useRefreshAfterEdit() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useCallback(
    /** `tablesPatched`: the segment tables already took the changes (usePatchSegmentTables). */
    async (changed?: readonly ChangedItem[], tablesPatched = false) => {
      const figures = [trpc.progress.pathFilter(), trpc.meeting.pathFilter()]
      const segmentTables = !tablesPatched && changed?.some((c) => c.entity === 'road_segment')
      const filters = changed
        ? [
            ...figures,
            ...(segmentTables ? [trpc.analysis.segments.pathFilter()] : []),
            ...(changed.some((c) => c.entity === 'facility') ? [trpc.analysis.facilities.pathFilter()] : []),
            ...changed.flatMap((c) => [
              c.entity === 'road_segment'
                ? trpc.analysis.segment.queryFilter({ id: c.entityId })
                : trpc.analysis.facility.queryFilter({ id: c.entityId }),
              trpc.edits.history.queryFilter({ entity: c.entity, id: c.entityId }),
            ]),
          ]
        : [...figures, trpc.analysis.pathFilter(), trpc.edits.history.pathFilter()]
      await Promise.all(filters.map((f) => queryClient.invalidateQueries(f)))
    },
    [queryClient, trpc],
  )
}

// Rows as last read, by id: a row that left the page and comes back is shown from it (its fixed fields;
// the change gives the rest). Bounded: the oldest entries go first.
const lastSeen = new Map<string, SegmentRow>()
const LAST_SEEN_MAX = 2000
function remember(row: SegmentRow) {
  lastSeen.delete(row.id)
  lastSeen.set(row.id, row)
  if (lastSeen.size > LAST_SEEN_MAX) lastSeen.delete(lastSeen.keys().next().value!)
}

/**
 * Applies changes to every page of the segment table held in the cache (patchSegmentTable computes the
 * page the next read would return) and to the cards read (withChangedCard), so an open table follows
 * them without reading again. A page it cannot patch (see there), a page being read (its answer may
 * predate the changes) and pages off screen are marked stale instead: react-query reads again the ones
 * on screen.
 */
export function usePatchSegmentTables() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useCallback(
    (events: readonly ChangeEvent[]) => {
      const today = zoneToday(new Date())
      const queries = queryClient.getQueryCache().findAll({ queryKey: trpc.analysis.segments.pathKey() })
      for (const query of queries) {
        const view = query.state.data as SegmentsPage | undefined
        for (const row of view ? [...view.rows, ...view.after] : []) remember(row)
      }
      for (const query of queries) {
        const input = (query.queryKey[1] as { input?: SegmentsInput } | undefined)?.input ?? {}
        // The server's defaults for what the input leaves out (analysis.segments).
        const asked = {
          filter: input.filter ?? {},
          schedule: input.schedule,
          sort: input.sort ?? 'lateness',
          dir: input.dir ?? 'desc',
          focusId: input.focusId,
        }
        let view = query.isActive() && query.state.fetchStatus === 'idle' ? (query.state.data as SegmentsPage) : null
        for (const event of events)
          view = view && patchSegmentTable(view, asked, event, today, lastSeen.get(event.entityId))
        if (view) queryClient.setQueryData(query.queryKey, view)
        else void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true })
      }
      // The changed segments' cards (row badges, map halo) follow from the same events.
      const deadline = (queries.find((q) => q.state.data)?.state.data as SegmentsPage | undefined)?.deadline
      const cardsKey = trpc.duban.cards.list.queryKey()
      if (deadline)
        queryClient.setQueryData(cardsKey, (cards) =>
          cards ? events.reduce((c, e) => withChangedCard(c, e, deadline), cards) : cards,
        )
      if (!deadline || cardsOrderShown()) void queryClient.invalidateQueries({ queryKey: cardsKey })
    },
    [queryClient, trpc],
  )
}

/**
 * Reads again the tables of items whose rows changed without a status change (a road renamed moves the
 * road_segments layer; an import moves either): the segment or facility tables and drawers, and the figures.
 */
export function useRefreshLayerTables() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useCallback(
    async (layers: readonly ChangeEvent['layer'][]) => {
      const filters = layers.flatMap((layer) =>
        layer === 'road_segments'
          ? [trpc.analysis.segments.pathFilter(), trpc.analysis.segment.pathFilter()]
          : [trpc.analysis.facilities.pathFilter(), trpc.analysis.facility.pathFilter()],
      )
      await Promise.all(
        [...filters, trpc.progress.pathFilter(), trpc.duban.cards.pathFilter()].map((f) =>
          queryClient.invalidateQueries(f),
        ),
      )
    },
    [queryClient, trpc],
  )
}

/** Who changed an item under the editor, from a CONFLICT answer; null for any other error. */
export function conflictOf(err: unknown): { version: number; updatedBy: string; updatedAt: string } | null {
  const data = (
    err as { data?: { code?: string; conflict?: { version: number; updatedBy: string; updatedAt: string } } } | null
  )?.data
  return data?.code === 'CONFLICT' && data.conflict ? data.conflict : null
}

/**
 * An item that changed under the editor, in the shape of the API's CONFLICT answer, so the
 * drawer shows the same notice whether the server refused a save or the live stream came first.
 */
export function changedUnder(s: Pick<EditableItem, 'version' | 'updatedBy' | 'updatedAt'>) {
  return {
    data: { code: 'CONFLICT', conflict: { version: s.version, updatedBy: s.updatedBy, updatedAt: s.updatedAt } },
  }
}

/** A readable message of a failed call (the API's own message names what failed). */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** The sub-district's name in the UI language, from its code (the API's name is Chinese only). */
export function usePlaceName() {
  const { i18n } = useTranslation()
  const { subDistricts } = usePlaces()
  return useCallback(
    (code: string | null, fallback: string | null) => {
      const p = subDistricts.find((s) => s.id === code)
      return p ? (i18n.language === 'zh' ? p.nameZh : p.nameEn) : (fallback ?? '—')
    },
    [subDistricts, i18n.language],
  )
}
