import type { ChangeEvent } from '@onemap/domain/change-event'
import type { MapLayerId } from '@onemap/domain/layers'
import { useRef } from 'react'
import { isEventApplied, useCoalesced, useLiveEvents } from '../../api/use-live-events.ts'
import { usePatchSegmentTables, useRefreshAfterEdit, useRefreshLayerTables } from './plan-data.ts'

// Several edits committed together (a split, a batch import) arrive as a burst: re-read once after it.
const BURST_MS = 150

/**
 * Keeps the workbench current with colleagues' edits as the server's change stream reports them: for
 * each changed item, its table row is patched from the event (or the table re-read where a patch cannot
 * tell, see usePatchSegmentTables), its open drawer and history and the progress figures are re-read, and
 * `onTilesChanged` runs when the change moved its layer's version past the one the map shows (the
 * event carries it, so no layer list is read). An event this page applied itself (its own save, see
 * markEventsApplied) only patches the table: the save read the rest. A layer's new version without a change
 * (an import, a road renamed) goes to `onLayer` (plan-layer-live.ts) once, whichever of the two told first.
 */
export function usePlanLive(onTilesChanged: () => void, onLayer?: (layer: MapLayerId, version: number) => void): void {
  const refresh = useRefreshAfterEdit()
  const patchTables = usePatchSegmentTables()
  const refreshLayers = useRefreshLayerTables()
  // Newest version of each tiled layer the page knows of (from the stream); unknown until an event.
  const versions = useRef(new Map<string, number>())
  const pending = useRef<{ event: ChangeEvent; moved: boolean }[]>([])
  const everything = useRef(false)
  // Segment or facility layer versions the stream reported before (or without) a change that explains them.
  const unexplained = useRef(new Map<ChangeEvent['layer'], number>())

  const catchUp = useCoalesced(() => {
    // Checked now, not on arrival: the save's answer may come a moment after its own echo.
    const arrived = pending.current
    const heard = arrived.filter((p) => !isEventApplied(p.event.id))
    pending.current = []
    // A segment or facility layer moved with no status change in the same burst to account for it: rows
    // changed otherwise (a road renamed, an import), and that entity's tables and figures are read again.
    const renamed = [...unexplained.current].filter(
      ([layer, version]) => !arrived.some((p) => p.event.layer === layer && p.event.layerVersion >= version),
    )
    unexplained.current.clear()
    if (renamed.length > 0) void refreshLayers(renamed.map(([layer]) => layer))
    if (everything.current) {
      everything.current = false
      void refresh()
      onTilesChanged()
    } else {
      // The table takes every change from its event (each carries its segment's state), one's own saves
      // included (see useEditSession); for colleagues' changes the open drawer and history of the item
      // and the figures on screen are read again.
      const segmentChanges = arrived.map((p) => p.event).filter((e) => e.entity === 'road_segment')
      if (segmentChanges.length > 0) patchTables(segmentChanges)
      if (heard.length > 0)
        void refresh(
          heard.map((p) => p.event),
          true,
        )
      if (heard.some((p) => p.moved)) onTilesChanged()
    }
  }, BURST_MS)

  useLiveEvents(
    {
      onChange(event) {
        const known = versions.current.get(event.layer)
        if (known === undefined || event.layerVersion > known) versions.current.set(event.layer, event.layerVersion)
        pending.current.push({ event, moved: known === undefined || event.layerVersion > known })
        catchUp()
      },
      onLayer(layer, version) {
        // A status change and its layer's message carry the same version: the second of them moves nothing.
        const known = versions.current.get(layer)
        if (known !== undefined && version <= known) return
        versions.current.set(layer, version)
        onLayer?.(layer, version)
        if (layer === 'road_segments' || layer === 'facilities') {
          // Its status change may still be on its way: decided with the burst (catchUp).
          unexplained.current.set(layer, version)
          catchUp()
        }
      },
      onUp(reconnected) {
        // After an outage or a resync anything may have changed: everything is read again.
        if (!reconnected) return
        everything.current = true
        catchUp()
      },
    },
    { items: true },
  )
}
