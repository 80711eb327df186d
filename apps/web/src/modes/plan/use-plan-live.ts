import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef } from 'react'
import { useTRPC } from '../../api/trpc.ts'
import { useCoalesced, useLiveEvents } from '../../api/use-live-events.ts'
import { useRefreshAfterEdit } from './plan-data.ts'

// Several edits committed together (a split, a batch import) arrive as a burst: re-read once after it.
const BURST_MS = 150
/** The layers the workbench draws from tiles; an edit to either changes that layer's version. */
const TILED_LAYERS: readonly string[] = ['road_segments', 'facilities']

/**
 * Keeps the workbench current with everyone's edits, one's own and colleagues', as the server's
 * change stream reports them: the table and totals, the open segment and its history, the weekly
 * changes and the progress figures are re-read, and `onTilesChanged` runs when a tiled layer's
 * version moved (its tile URLs change, so the map must reload them).
 *
 * Returns `ownEditSaved`, for the workbench to call after its own edit has already reloaded the
 * tiles: it records the new versions so the same edit, heard again on the stream, reloads nothing.
 */
export function usePlanLive(onTilesChanged: () => void): { ownEditSaved: () => void } {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const refresh = useRefreshAfterEdit()
  // Versions of the tiled layers the map last loaded; null until first read.
  const versions = useRef<string | null>(null)
  // Reads one after another, so two overlapping checks cannot both see the same change as new.
  const queue = useRef(Promise.resolve())

  /** Reads the layer versions; `onMoved` runs when they differ from the ones recorded before. */
  const checkVersions = useCallback(
    (onMoved?: () => void) => {
      queue.current = queue.current
        .then(async () => {
          const layers = await queryClient.fetchQuery({ ...trpc.layers.list.queryOptions(), staleTime: 0 })
          const key = layers
            .filter((l) => TILED_LAYERS.includes(l.id))
            .map((l) => `${l.id}@${l.version}`)
            .join(',')
          const moved = versions.current !== null && versions.current !== key
          versions.current = key
          if (moved) onMoved?.()
        })
        // A failed read leaves the recorded versions as they were; the next change tries again.
        .catch((err: unknown) => console.warn('[plan] could not read layer versions', err))
    },
    [queryClient, trpc],
  )

  const catchUp = useCoalesced(() => {
    void refresh()
    checkVersions(onTilesChanged)
  }, BURST_MS)

  useLiveEvents({
    onChange: catchUp,
    onUp(reconnected) {
      // The first connection only learns the versions the map starts with; after an outage
      // anything may have changed, so everything is read again.
      if (reconnected) catchUp()
      else checkVersions()
    },
  })

  return { ownEditSaved: useCallback(() => checkVersions(), [checkVersions]) }
}
