import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import { usePlaces } from '../plan-data.ts'
import { BriefLauncher } from './BriefLauncher.tsx'
import { CardsSection } from './CardsSection.tsx'
import { type CardedItem, useDubanLive } from './duban-data.ts'
import { InvestmentSection } from './InvestmentSection.tsx'
import { IssueOrderForm } from './IssueOrderForm.tsx'
import { OrderList, OrderView } from './OrderView.tsx'
import { ThresholdsForm } from './ThresholdsForm.tsx'
import { UnitsAdmin } from './UnitsAdmin.tsx'
import './duban.css'

interface DubanPanelProps {
  canEdit: boolean
  isAdmin: boolean
  /** Opens the item in the workbench (the segment drawer). */
  onSelectSegment: (id: string) => void
}

/** The 督办 tab of /plan: cards and league table, orders, investment, thresholds and the weekly brief. */
export function DubanPanel({ canEdit, isAdmin, onSelectSegment }: DubanPanelProps) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const places = usePlaces()
  const [onlyOpen, setOnlyOpen] = useState(true)
  const [openId, setOpenId] = useState<number | null>(null)
  const orders = useQuery(
    trpc.duban.orders.list.queryOptions(
      onlyOpen ? { states: ['issued', 'acknowledged', 'done', 'returned'] } : undefined,
    ),
  )
  useDubanLive()
  const zh = i18n.language === 'zh'
  const subDistrictName = (code: string) => {
    const p = places.subDistricts.find((s) => s.id === code)
    return p ? (zh ? p.nameZh : p.nameEn) : code
  }
  const select = (item: CardedItem) => {
    if (item.entity === 'road_segment') onSelectSegment(item.id)
  }
  return (
    <div className="duban-panel" data-testid="duban-panel">
      <BriefLauncher subDistricts={places.subDistricts} />
      <CardsSection onSelect={select} />
      <h3>{t('duban.orders.title')}</h3>
      <div className="plan-filter-row" role="group">
        <button type="button" aria-pressed={onlyOpen} onClick={() => setOnlyOpen(true)}>
          {t('duban.orders.filterOpen')}
        </button>
        <button type="button" aria-pressed={!onlyOpen} onClick={() => setOnlyOpen(false)}>
          {t('duban.orders.filterAll')}
        </button>
      </div>
      {openId !== null && <OrderView id={openId} side={canEdit ? 'planner' : 'viewer'} />}
      {orders.data?.length === 0 && <p>{t('duban.orders.none')}</p>}
      <OrderList orders={orders.data ?? []} openId={openId} onOpen={setOpenId} />
      {canEdit && <IssueOrderForm />}
      <InvestmentSection subDistrictName={subDistrictName} />
      {isAdmin && <ThresholdsForm />}
      {isAdmin && <UnitsAdmin />}
    </div>
  )
}
