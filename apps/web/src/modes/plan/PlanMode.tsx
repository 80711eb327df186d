import './plan.css'
import { useQueryClient } from '@tanstack/react-query'
import type { LngLatBoundsLike, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'
import { FilterBar } from './FilterBar.tsx'
import { IndicatorPanel } from './IndicatorPanel.tsx'
import { LayerPanel } from './LayerPanel.tsx'
import { MilestonePanel } from './MilestonePanel.tsx'
import { AccountBar, LoginForm } from './LoginForm.tsx'
import { type ChangedIds, MeetingPanel, NO_CHANGES } from './MeetingPanel.tsx'
import type { LonLat } from './measure.ts'
import { messageOf, useAccount, usePlaces, useSegments } from './plan-data.ts'
import { EMPTY_FILTER, needsIdFilter, type PlanFilter, tileQuery, toSelection } from './plan-filter.ts'
import { ALL_VISIBLE, PLAN_SOURCES } from './plan-layers.ts'
import { SegmentDrawer } from './SegmentDrawer.tsx'
import { SegmentTable, type TableSort } from './SegmentTable.tsx'
import { TimeSlider } from './TimeSlider.tsx'
import { ExportTool, MeasureTool, RiverZoneTool } from './ToolsPanel.tsx'
import { usePlanLive } from './use-plan-live.ts'
import { type Tool, useMeasureDrawing, usePlanMap } from './use-plan-map.ts'

const PAGE_SIZE = 20
const TABS = ['table', 'tools', 'meeting', 'time', 'indicators'] as const
type Tab = (typeof TABS)[number]
const NO_STATUSES: ReadonlyMap<string, string> = new Map()

/**
 * Calls `done` once the map is still and every tile is loaded, and `ready()` holds. Polled rather
 * than waiting for 'idle', which fires only at the end of a render and so never for a map that was
 * already idle when asked.
 */
function whenDrawn(map: MapLibreMap, ready: () => boolean, done: () => void): () => void {
  const timer = setInterval(() => {
    if (ready() && !map.isMoving() && map.loaded()) {
      clearInterval(timer)
      done()
    }
  }, 150)
  return () => clearInterval(timer)
}

/** The planner workbench at /plan: sign-in first, then the workbench. */
export function PlanMode() {
  const { t } = useTranslation()
  const { account, loading, canEdit } = useAccount()
  if (loading) return <p>{t('plan.table.loading')}</p>
  if (!account) return <LoginForm />
  return (
    <div className="plan" data-role={account.role}>
      <AccountBar name={account.name} role={account.role} />
      <Workbench canEdit={canEdit} isAdmin={account.role === 'admin'} />
    </div>
  )
}

function Workbench({ canEdit, isAdmin }: { canEdit: boolean; isAdmin: boolean }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const places = usePlaces()
  const [filter, setFilterState] = useState<PlanFilter>(EMPTY_FILTER)
  const [sort, setSortState] = useState<TableSort>({ sort: 'overdue_days', dir: 'desc' })
  const [page, setPage] = useState(1)
  const [focusId, setFocusId] = useState<string | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [settledId, setSettledId] = useState<string | null>(null)
  const [tool, setTool] = useState<Tool>('select')
  const [points, setPoints] = useState<LonLat[]>([])
  const [splitPoint, setSplitPoint] = useState<LonLat | null>(null)
  const [visible, setVisible] = useState(ALL_VISIBLE)
  const [changed, setChanged] = useState<ChangedIds>(NO_CHANGES)
  const [asOf, setAsOf] = useState<ReadonlyMap<string, string>>(NO_STATUSES)
  const [revision, setRevision] = useState(0)
  const [idleRevision, setIdleRevision] = useState(-1)
  const [tab, setTab] = useState<Tab>('table')

  const setFilter = (f: PlanFilter) => (setFilterState(f), setPage(1))
  const setSort = (s: TableSort) => (setSortState(s), setPage(1))
  const selection = useMemo(() => toSelection(filter), [filter])
  const segments = useSegments({ ...selection, ...sort, page, pageSize: PAGE_SIZE, ...(focusId ? { focusId } : {}) }, true)
  // A pick on the map asked for the page holding that segment: adopt it as the current page.
  useEffect(() => {
    if (focusId && segments.data && !segments.isPlaceholderData) {
      setPage(segments.data.page)
      setFocusId(null)
    }
  }, [focusId, segments.data, segments.isPlaceholderData])

  const ids = segments.data?.ids
  const idFilter = useMemo(() => (needsIdFilter(filter) ? (ids ?? []) : null), [filter, ids])
  const selected = useMemo(() => new Map(selectedId ? [[selectedId, true]] : []), [selectedId])
  const choose = useCallback((id: string) => (setSelectedId(id), setFocusId(id), setSettledId(null)), [])
  const onPoint = useCallback(
    (p: LonLat) => {
      if (tool === 'split') setSplitPoint(p)
      else setPoints((prev) => [...prev, p])
    },
    [tool],
  )
  const map = usePlanMap({ tileQuery: tileQuery(selection.filter), idFilter, revision, visible, selected, changedSegments: changed.segments, changedFacilities: changed.facilities, asOf, tool, onPick: choose, onPoint })
  useMeasureDrawing(map, points, tool === 'measure-area')

  useEffect(() => {
    if (!map) return
    // The segment tiles of this revision are drawn once their TileJSON has reloaded (a new version in
    // the tile URLs) and the map has loaded every tile since. Tests and screenshots wait for this.
    let reloaded = revision === 0
    const onData = (e: MapSourceDataEvent) => {
      if (e.sourceId === PLAN_SOURCES.segments && e.sourceDataType === 'metadata') reloaded = true
    }
    map.on('sourcedata', onData)
    const stop = whenDrawn(map, () => reloaded, () => setIdleRevision(revision))
    return () => {
      stop()
      map.off('sourcedata', onData)
    }
  }, [map, revision])

  /** Selects a segment from the table or the meeting list and flies the map to it. */
  const flyTo = async (id: string) => {
    choose(id)
    if (!map) return
    const s = await queryClient.fetchQuery(trpc.analysis.segment.queryOptions({ id }))
    const xs = s.geometry.coordinates.map((c) => c[0])
    const ys = s.geometry.coordinates.map((c) => c[1])
    const bounds: LngLatBoundsLike = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
    map.fitBounds(bounds, { padding: 80, maxZoom: 17, duration: 600 })
    whenDrawn(map, () => true, () => setSettledId(id))
  }

  // Colleagues' edits arrive on the change stream; a new layer version reloads the tiles like an own edit.
  const live = usePlanLive(useCallback(() => setRevision((r) => r + 1), []))
  const onEdited = (nextId?: string) => {
    setRevision((r) => r + 1)
    live.ownEditSaved()
    setSplitPoint(null)
    setTool('select')
    if (nextId) choose(nextId)
  }

  return (
    <div className="plan-workbench" data-settled-id={settledId ?? ''} data-revision={revision} data-idle-revision={idleRevision}>
      {selectedId && (
        <SegmentDrawer
          id={selectedId}
          canEdit={canEdit}
          isAdmin={isAdmin}
          splitArmed={tool === 'split'}
          splitPoint={splitPoint}
          onArmSplit={(armed) => (setTool(armed ? 'split' : 'select'), setSplitPoint(null))}
          onEdited={onEdited}
          onClose={() => (setSelectedId(null), tool === 'split' && setTool('select'))}
        />
      )}
      <div role="tablist" className="plan-tabs" aria-label={t('plan.tabs.label')}>
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
            {t(`plan.tabs.${k}`)}
          </button>
        ))}
      </div>
      {tab === 'table' && (
        <div role="tabpanel">
          <FilterBar value={filter} onChange={setFilter} places={places} />
          <SegmentTable
            data={segments.data}
            error={segments.error ? messageOf(segments.error) : undefined}
            sort={sort}
            onSort={setSort}
            onPage={setPage}
            selectedId={selectedId}
            onSelect={(id) => void flyTo(id)}
          />
        </div>
      )}
      {tab === 'tools' && (
        <div role="tabpanel">
          <LayerPanel value={visible} onChange={setVisible} />
          <MeasureTool tool={tool} points={points} onTool={(next) => (setTool(next), setPoints([]))} onClear={() => setPoints([])} />
          <RiverZoneTool value={filter.riverZone} onChange={(riverZone) => setFilter({ ...filter, riverZone })} rivers={places.rivers} />
          {filter.riverZone && <p data-testid="river-count">{t('plan.river.count', { count: segments.data?.totals.segments ?? 0 })}</p>}
          <ExportTool filter={filter} />
        </div>
      )}
      {tab === 'meeting' && (
        <div role="tabpanel">
          <MeetingPanel onChanged={setChanged} onSelect={(id) => void flyTo(id)} />
        </div>
      )}
      {tab === 'time' && (
        <div role="tabpanel">
          <TimeSlider onStatuses={setAsOf} />
        </div>
      )}
      {tab === 'indicators' && (
        <div role="tabpanel">
          <IndicatorPanel canEdit={canEdit} />
          <MilestonePanel canEdit={canEdit} />
        </div>
      )}
    </div>
  )
}
