import { useEffect, useState } from 'react'
import { markEventsApplied } from '../../api/use-live-events.ts'
import { changedUnder, type EditableItem, useAccount, useRefreshAfterEdit } from './plan-data.ts'

/** A status change just saved, for the confirmation and its undo. */
export interface SavedEdit {
  from: string
  to: string
  at: string
  /** The version the save produced: undo is offered while the item is still at it. */
  version: number
  /** Browser clock when saved; the server decides the 10-minute window. */
  savedAt: number
  undone?: boolean
}

export interface EditOutcome {
  /** The version the edit produced, or the parts a split made. */
  version?: number
  parts?: [string, string]
  /** Set by a status change, so the drawer confirms it and offers undo. */
  saved?: SavedEdit
  /** The audit events the save wrote: their echo on the live stream re-reads nothing. */
  eventIds?: number[]
}

/**
 * The editing state of one drawer: the version the editor's view is based on (set when the item is
 * first shown, after one's own edit and on an explicit reload, never silently, so a concurrent change
 * is reported, not absorbed), the last failure, whether the planner has typed, and the form epoch
 * (bumped to reset the forms: after one's own save and when a colleague's change arrives untouched).
 * `item` must keep its identity between renders (memoise it) or the effects below run on every render.
 */
export function useEditSession(
  item: EditableItem | undefined,
  reloadItem: () => Promise<EditableItem | undefined>,
  onEdited: (selectId?: string) => void,
) {
  const refresh = useRefreshAfterEdit()
  const me = useAccount().account?.name
  const [base, setBase] = useState<{ id: string; version: number } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [typing, setTyping] = useState(false)
  const [formEpoch, setFormEpoch] = useState(0)
  const [saved, setSaved] = useState<SavedEdit | null>(null)
  const id = item?.id

  useEffect(() => {
    if (item && base?.id !== item.id) setBase({ id: item.id, version: item.version })
  }, [item, base])
  useEffect(() => {
    setFailure(null)
    setTyping(false)
    setSaved(null)
  }, [id])
  // The item moved on under the drawer (the live stream re-read it). Untouched forms simply follow;
  // half-typed ones are kept and told who changed it, as a conflict on saving would.
  useEffect(() => {
    if (!item || !base || base.id !== item.id || item.version <= base.version || item.updatedBy === me) return
    if (typing) {
      setFailure(changedUnder(item))
    } else {
      setBase({ id: item.id, version: item.version })
      setFormEpoch((n) => n + 1)
    }
  }, [item, base, typing, me])

  const onSaved = async (outcome: EditOutcome) => {
    setFailure(null)
    setTyping(false)
    if (item && outcome.version !== undefined) setBase({ id: item.id, version: outcome.version })
    // A saved form starts afresh: a second click must not repeat the step with the old note.
    setFormEpoch((n) => n + 1)
    setSaved(outcome.saved ?? null)
    const events = outcome.eventIds ?? []
    markEventsApplied(events)
    // One item's change: its drawer, history and the figures are read again, and the segment table takes
    // the change from its echo on the live stream, as it takes a colleague's. A split reads everything.
    if (item && !outcome.parts && events.length > 0) await refresh([{ entity: item.entity, entityId: item.id }], true)
    else await refresh()
    onEdited(outcome.parts?.[0])
  }
  const reload = async () => {
    const fresh = await reloadItem()
    if (fresh) setBase({ id: fresh.id, version: fresh.version })
    setFailure(null)
  }
  return {
    ready: !!item && base?.id === item.id,
    baseVersion: base?.version ?? 0,
    failure,
    setFailure,
    setTyping,
    formEpoch,
    saved,
    onSaved,
    reload,
  }
}
export type EditSession = ReturnType<typeof useEditSession>
