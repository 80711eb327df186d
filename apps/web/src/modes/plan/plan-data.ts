import type { AppRouter } from '@onemap/api/root'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { useCallback } from 'react'
import { useTRPC } from '../../api/trpc.ts'

type Inputs = inferRouterInputs<AppRouter>
type Outputs = inferRouterOutputs<AppRouter>
export type SegmentsInput = Inputs['analysis']['segments']
export type SegmentsPage = Outputs['analysis']['segments']
export type SegmentRow = SegmentsPage['rows'][number]
export type SegmentDetail = Outputs['analysis']['segment']
export type HistoryEntry = Outputs['edits']['history'][number]
export type SortKey = NonNullable<SegmentsInput['sort']>

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

export function useHistory(id: string | null) {
  const trpc = useTRPC()
  return useQuery({ ...trpc.edits.history.queryOptions({ entity: 'road_segment', id: id ?? '' }), enabled: id !== null })
}

/** Sub-districts, renewal zones/units and rivers for the filter's choices (small, public layers). */
export function usePlaces() {
  const trpc = useTRPC()
  const names = (layer: 'sub_districts' | 'renewal_zones' | 'renewal_units' | 'rivers') =>
    trpc.features.query.queryOptions({ layer, limit: 500 }, { staleTime: Infinity, select: (fc) => fc.features.map((f) => ({ id: f.id, nameZh: String(f.properties.name_zh ?? f.id), nameEn: String(f.properties.name_en ?? f.id) })) })
  return {
    subDistricts: useQuery(names('sub_districts')).data ?? [],
    renewalZones: useQuery(names('renewal_zones')).data ?? [],
    renewalUnits: useQuery(names('renewal_units')).data ?? [],
    rivers: useQuery(names('rivers')).data ?? [],
  }
}

/** Drops every cached answer an edit can change: the table, the drawer, the history and the progress figures. */
export function useRefreshAfterEdit() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.analysis.pathFilter()),
      queryClient.invalidateQueries(trpc.edits.history.pathFilter()),
      queryClient.invalidateQueries(trpc.progress.pathFilter()),
    ])
  }, [queryClient, trpc])
}

/** Who changed an item under the editor, from a CONFLICT answer; null for any other error. */
export function conflictOf(err: unknown): { version: number; updatedBy: string; updatedAt: string } | null {
  const data = (err as { data?: { code?: string; conflict?: { version: number; updatedBy: string; updatedAt: string } } } | null)?.data
  return data?.code === 'CONFLICT' && data.conflict ? data.conflict : null
}

/**
 * A segment that changed under the editor, in the shape of the API's CONFLICT answer, so the
 * drawer shows the same notice whether the server refused a save or the live stream came first.
 */
export function changedUnder(s: Pick<SegmentDetail, 'version' | 'updatedBy' | 'updatedAt'>) {
  return { data: { code: 'CONFLICT', conflict: { version: s.version, updatedBy: s.updatedBy, updatedAt: s.updatedAt } } }
}

/** A readable message of a failed call (the API's own message names what failed). */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
