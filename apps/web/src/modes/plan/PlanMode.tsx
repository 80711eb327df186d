import './plan.css'
import '../../zod-without-eval.ts'
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BulkEdit } from './BulkEdit.tsx'
import { ExportButtons } from './ExportButtons.tsx'
import { FacilitiesTab } from './FacilitiesTab.tsx'
import { FacilityDrawer } from './FacilityDrawer.tsx'
import { FilterBar } from './FilterBar.tsx'
import { IndicatorPanel } from './IndicatorPanel.tsx'
import { LayerPanel } from './LayerPanel.tsx'
import { AccountsPanel } from './AccountsPanel.tsx'
import { MilestonePanel } from './MilestonePanel.tsx'
import { AccountBar, LoginForm } from './LoginForm.tsx'
import { type ChangedIds, MeetingPanel, NO_CHANGES } from './MeetingPanel.tsx'
import { type LonLat, nearestPointOn } from './measure.ts'
import { type Entity, messageOf, useAccount, usePlaces, useSegment, useSegments } from './plan-data.ts'
import { EMPTY_FILTER, needsIdFilter, type PlanFilter, tileQuery, toSelection } from './plan-filter.ts'
import { ALL_VISIBLE } from './plan-layers.ts'
import { PlanLegend } from './PlanLegend.tsx'
import { SegmentDrawer } from './SegmentDrawer.tsx'
import { SegmentTable, type TableSort, type Ticked } from './SegmentTable.tsx'
import { useSubDistrictLabels } from './sub-district-labels.ts'
import { NO_STATUSES, type StatusesOn, TimeSlider } from './TimeSlider.tsx'
import { MeasureTool, RiverZoneTool } from './ToolsPanel.tsx'
import { fitBox, useFlyTo, useIdleRevision } from './use-map-motion.ts'
import { DubanPanel } from './duban/DubanPanel.tsx'
import { UnitInbox } from './duban/UnitInbox.tsx'
import { useCardOutlines } from './duban/use-card-outlines.ts'
import { usePlanLive } from './use-plan-live.ts'
import { usePlanLayerLive } from './plan-layer-live.ts'
import { type Tool, useMeasureDrawing, usePlanMap, useSplitMarker } from './use-plan-map.ts'

const PAGE_SIZE = 20

/**
 * One tab of the workbench. Features added by other issues append an entry to the list in
 * Workbench with their own panel component; nothing else here needs to change.
 */
interface PlanTab {
  id: string
  /** i18n key of the tab's label. */
  label: string
  panel: () => ReactNode
}

/** The planner workbench at /plan: sign-in first, then the workbench. */
export function PlanMode() {
  const { t } = useTranslation()
  const { account, loading, canEdit } = useAccount()
  if (loading) return <p>{t('plan.table.loading')}</p>
  if (!account) return <LoginForm />
  // A responsible unit's account sees only its own unit's supervision orders.
  if (account.role === 'unit') {
    return (
      <div className="plan" data-role="unit">
        <AccountBar name={account.name} role={account.role} />
        <UnitInbox />
      </div>
    )
  }
  return (
    <div className="plan" data-role={account.role}>
      <AccountBar name={account.name} role={account.role} />
      <Workbench canEdit={canEdit} isAdmin={account.role === 'admin'} />
    </div>
  )
}

function Workbench({ canEdit, isAdmin }: { canEdit: boolean; isAdmin: boolean }) {
  const { t } = useTranslation()
  const places = usePlaces()
  const [filter, setFilterState] = useState<PlanFilter>(EMPTY_FILTER)
  const [sort, setSortState] = useState<TableSort>({ sort: 'lateness', dir: 'desc' })
  const [page, setPage] = useState(1)
  const [focus, setFocus] = useState<{ entity: Entity; id: string } | null>(null)
  const [selected, setSelected] = useState<{ entity: Entity; id: string } | null>(null)
  const [settledId, setSettledId] = useState<string | null>(null)
  const [tool, setTool] = useState<Tool>('select')
  const [points, setPoints] = useState<LonLat[]>([])
  const [splitPoint, setSplitPoint] = useState<LonLat | null>(null)
  const [visible, setVisible] = useState(ALL_VISIBLE)
  const [changed, setChanged] = useState<ChangedIds>(NO_CHANGES)
  const [asOf, setAsOf] = useState<StatusesOn>(NO_STATUSES)
  const [facilityIds, setFacilityIds] = useState<readonly string[] | null>(null)
  const [ticked, setTicked] = useState<Ticked>(new Map())
  const [revision, setRevision] = useState(0)
  const [tab, setTab] = useState('table')

  const selection = useMemo(() => toSelection(filter), [filter])
  const segmentFocus = focus?.entity === 'road_segment' ? focus.id : null
  const segments = useSegments(
    { ...selection, ...sort, page, pageSize: PAGE_SIZE, ...(segmentFocus ? { focusId: segmentFocus } : {}) },
    true,
  )
  // A pick on the map asked for the page holding that segment: adopt it as the current page.
  useEffect(() => {
    if (segmentFocus && segments.data && !segments.isPlaceholderData) {
      setPage(segments.data.page)
      setFocus(null)
    }
  }, [segmentFocus, segments.data, segments.isPlaceholderData])

  const ids = segments.data?.ids
  const idFilter = useMemo(() => (needsIdFilter(filter) ? (ids ?? []) : null), [filter, ids])
  const selectedSegment = useMemo(
    () => new Map(selected?.entity === 'road_segment' ? [[selected.id, true]] : []),
    [selected],
  )
  const selectedFacility = useMemo(
    () => new Map(selected?.entity === 'facility' ? [[selected.id, true]] : []),
    [selected],
  )
  const choose = useCallback((entity: Entity, id: string) => {
    setSelected({ entity, id })
    setFocus({ entity, id })
    setSettledId(null)
    // A facility picked on the map opens in its own tab, where its row is.
    if (entity === 'facility') setTab('facilities')
  }, [])
  // A split point snaps onto the selected segment (the drawer's query, already cached), as the server will cut it.
  const splitLine = useSegment(selected?.entity === 'road_segment' ? selected.id : null).data?.geometry.coordinates
  const onPoint = useCallback(
    (p: LonLat) =>
      tool === 'split'
        ? setSplitPoint(splitLine ? nearestPointOn(splitLine, p) : p)
        : setPoints((prev) => [...prev, p]),
    [tool, splitLine],
  )
  const map = usePlanMap({
    tileQuery: tileQuery(selection.filter),
    idFilter,
    facilityIdFilter: facilityIds,
    revision,
    visible,
    selected: selectedSegment,
    selectedFacility,
    changedSegments: changed.segments,
    changedFacilities: changed.facilities,
    asOf: asOf.segments,
    facilitiesAsOf: asOf.facilities,
    tool,
    onPick: choose,
    onPoint,
  })
  useMeasureDrawing(map, points, tool === 'measure-area')
  useCardOutlines(map, true)
  useSplitMarker(map, tool === 'split' ? splitPoint : null)
  useSubDistrictLabels(map, places.subDistricts)
  const idleRevision = useIdleRevision(map, revision)
  const flyTo = useFlyTo(map, setSettledId)
  const open = (entity: Entity, id: string) => (choose(entity, id), void flyTo(entity, id))
  const zoomTo = (code: string) => fitBox(map, places.subDistricts.find((p) => p.id === code)?.bbox)
  const setFilter = (f: PlanFilter) => {
    if (f.subDistrict && f.subDistrict !== filter.subDistrict) zoomTo(f.subDistrict)
    setFilterState(f)
    setPage(1)
  }

  // Colleagues' edits arrive on the change stream; a new layer version reloads the tiles like an own edit.
  const reloadTiles = useCallback(() => setRevision((r) => r + 1), [])
  usePlanLive(reloadTiles, usePlanLayerLive(map, reloadTiles))
  const onEdited = (nextId?: string) => {
    setRevision((r) => r + 1)
    setSplitPoint(null)
    setTool('select')
    if (nextId) choose('road_segment', nextId)
  }
  const tick = (row: Parameters<NonNullable<Parameters<typeof SegmentTable>[0]['onTick']>>[0], on: boolean) =>
    setTicked((prev) => {
      const next = new Map(prev)
      if (on) next.set(row.id, row)
      else next.delete(row.id)
      return next
    })

  const tabs: PlanTab[] = [
    {
      id: 'table',
      label: 'plan.tabs.table',
      panel: () => (
        <>
          <FilterBar value={filter} onChange={setFilter} places={places} />
          {canEdit && <BulkEdit ticked={ticked} onClear={() => setTicked(new Map())} onSaved={() => onEdited()} />}
          <SegmentTable
            data={segments.data}
            error={segments.error ? messageOf(segments.error) : undefined}
            sort={sort}
            onSort={(s) => (setSortState(s), setPage(1))}
            onPage={setPage}
            selectedId={selected?.entity === 'road_segment' ? selected.id : null}
            onSelect={(id) => open('road_segment', id)}
            {...(canEdit ? { ticked, onTick: tick } : {})}
          />
          <ExportButtons kind="segments" selection={selection} />
        </>
      ),
    },
    {
      id: 'facilities',
      label: 'plan.tabs.facilities',
      panel: () => (
        <FacilitiesTab
          places={places}
          selectedId={selected?.entity === 'facility' ? selected.id : null}
          focusId={focus?.entity === 'facility' ? focus.id : null}
          onSelect={(id) => open('facility', id)}
          onIds={setFacilityIds}
          onSubDistrict={zoomTo}
        />
      ),
    },
    {
      id: 'tools',
      label: 'plan.tabs.tools',
      panel: () => (
        <>
          <LayerPanel value={visible} onChange={setVisible} />
          <MeasureTool
            tool={tool}
            points={points}
            onTool={(next) => (setTool(next), setPoints([]))}
            onClear={() => setPoints([])}
          />
          <RiverZoneTool
            value={filter.riverZone}
            onChange={(riverZone) => setFilter({ ...filter, riverZone })}
            rivers={places.rivers}
          />
          {filter.riverZone && (
            <p data-testid="river-count">{t('plan.river.count', { count: segments.data?.totals.segments ?? 0 })}</p>
          )}
        </>
      ),
    },
    {
      id: 'meeting',
      label: 'plan.tabs.meeting',
      panel: () => <MeetingPanel onChanged={setChanged} onSelect={open} canEdit={canEdit} isAdmin={isAdmin} />,
    },
    { id: 'time', label: 'plan.tabs.time', panel: () => <TimeSlider onStatuses={setAsOf} /> },
    {
      id: 'duban',
      label: 'duban.tab',
      panel: () => (
        <DubanPanel canEdit={canEdit} isAdmin={isAdmin} onSelectSegment={(id) => open('road_segment', id)} />
      ),
    },
    {
      id: 'indicators',
      label: 'plan.tabs.indicators',
      panel: () => (
        <>
          <IndicatorPanel canEdit={canEdit} />
          <MilestonePanel canEdit={canEdit} />
        </>
      ),
    },
    ...(isAdmin ? [{ id: 'accounts', label: 'plan.tabs.accounts', panel: () => <AccountsPanel /> }] : []),
  ]
  const current = tabs.find((x) => x.id === tab) ?? tabs[0]!

  return (
    <div
      className="plan-workbench"
      data-settled-id={settledId ?? ''}
      data-revision={revision}
      data-idle-revision={idleRevision}
    >
      <div role="tablist" className="plan-tabs" aria-label={t('plan.tabs.label')}>
        {tabs.map((x) => (
          <button key={x.id} type="button" role="tab" aria-selected={x.id === current.id} onClick={() => setTab(x.id)}>
            {t(x.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel">{current.panel()}</div>
      <PlanLegend />
      {selected && (
        <aside className="plan-drawer-dock" aria-label={t('plan.drawer.label')}>
          {selected.entity === 'road_segment' ? (
            <SegmentDrawer
              id={selected.id}
              canEdit={canEdit}
              isAdmin={isAdmin}
              splitArmed={tool === 'split'}
              splitPoint={splitPoint}
              onArmSplit={(armed) => (setTool(armed ? 'split' : 'select'), setSplitPoint(null))}
              onEdited={onEdited}
              onClose={() => (setSelected(null), tool === 'split' && setTool('select'))}
            />
          ) : (
            <FacilityDrawer
              id={selected.id}
              canEdit={canEdit}
              isAdmin={isAdmin}
              onEdited={() => onEdited()}
              onClose={() => setSelected(null)}
            />
          )}
        </aside>
      )}
    </div>
  )
}
