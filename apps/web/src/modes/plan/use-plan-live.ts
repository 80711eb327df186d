import type { ChangeEvent } from '@onemap/domain/change-event'
import type { MapLayerId } from '@onemap/domain/layers'
import { useRef } from 'react'
import { isEventApplied, useCoalesced, useLiveEvents } from '../../api/use-live-events.ts'
import { useRefreshAfterEdit } from './plan-data.ts'

// Several edits committed together (a split, a batch import) arrive as a burst: re-read once after it.
const BURST_MS = 150

/**
 * Keeps the workbench current with colleagues' edits as the server's change stream reports them: for
 * each changed item, its table, its open drawer and history and the progress figures are re-read, and
 * `onTilesChanged` runs when the change moved its layer's version past the one the map shows (the
 * event carries it, so no layer list is read). An event this page applied itself (its own save, see
 * markEventsApplied) re-reads nothing: the save already did. A layer's new version without a change
 * (an import, a road renamed) goes to `onLayer` (plan-layer-live.ts) once, whichever of the two told first.
 */
export function usePlanLive(onTilesChanged: () => void, onLayer?: (layer: MapLayerId, version: number) => void): void {
  const refresh = useRefreshAfterEdit()
  // Newest version of each tiled layer the page knows of (from the stream); unknown until an event.
  const versions = useRef(new Map<string, number>())
  const pending = useRef<{ event: ChangeEvent; moved: boolean }[]>([])
  const everything = useRef(false)

  const catchUp = useCoalesced(() => {
    // Checked now, not on arrival: the save's answer may come a moment after its own echo.
    const heard = pending.current.filter((p) => !isEventApplied(p.event.id))
    pending.current = []
    if (everything.current) {
      everything.current = false
      void refresh()
      onTilesChanged()
    } else if (heard.length > 0) {
      void refresh(heard.map((p) => p.event))
      if (heard.some((p) => p.moved)) onTilesChanged()
    }
  }, BURST_MS)

  useLiveEvents({
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
    },
    onUp(reconnected) {
      // After an outage or a resync anything may have changed: everything is read again.
      if (!reconnected) return
      everything.current = true
      catchUp()
    },
  })
}
