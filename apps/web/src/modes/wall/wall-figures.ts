import type { AppRouter } from '@onemap/api/root'
import type { inferRouterOutputs } from '@trpc/server'

type Outputs = inferRouterOutputs<AppRouter>
export type Summary = Outputs['progress']['summary']
export type Timeline = Outputs['progress']['timeline']
export type TickerRow = Outputs['wall']['ticker'][number]
export type Alarms = Outputs['wall']['alarms']
export type AlarmItem = Alarms['items'][number]
export type RiverFacts = Outputs['wall']['rivers'][number]

interface Share {
  done: number
  total: number
}

/** Whole percent of a share, or null when there is nothing to share (no "0%" for an empty goal). */
export function percent(share: Share): number | null {
  return share.total > 0 ? Math.round((share.done / share.total) * 100) : null
}

/** Kilometres with one decimal, for the roads tile. */
export const km = (metres: number) => (metres / 1000).toFixed(1)

/** The renewal zone's goals summed over its units (items outside every unit left out). */
export function renewalShares(summary: Summary): { units: number; roads: Share; facilities: Share } {
  const units = summary.byRenewalUnit.filter((u) => u.id !== null)
  const sum = (pick: (u: (typeof units)[number]) => Share) =>
    units.reduce((acc, u) => ({ done: acc.done + pick(u).done, total: acc.total + pick(u).total }), {
      done: 0,
      total: 0,
    })
  return {
    units: units.length,
    roads: sum((u) => ({ done: u.roads.completedM, total: u.roads.plannedM })),
    facilities: sum((u) => ({ done: u.facilities.started, total: u.facilities.planned })),
  }
}

/** Each renewal unit's combined progress (mean of the goals it has items for), by unit id. */
export function renewalRatios(summary: Summary | undefined): Map<string, number> {
  const out = new Map<string, number>()
  for (const u of summary?.byRenewalUnit ?? []) {
    if (u.id === null) continue
    const ratios = [u.roads.ratio, u.facilities.ratio].filter((r): r is number => r !== null)
    out.set(u.id, ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : 0)
  }
  return out
}

/** "HH:mm:ss" in China Standard Time: the wall's viewers are in Zhengzhou whatever the PC's zone. */
export function clockTime(iso: string | number | Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}
