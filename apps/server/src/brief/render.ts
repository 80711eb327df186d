import type { AppRouter } from '@onemap/api/root'
import { FACILITY_STATUS_LABELS_ZH, ROAD_SEGMENT_STATUS_LABELS_ZH } from '@onemap/domain/statuses'
import type { inferRouterOutputs } from '@trpc/server'
import { briefMapSvg } from './map-svg.ts'
import { BRIEF_CSS } from './brief-css.ts'
import { BRIEF_TEXT, type BriefLang } from './text.ts'

export type BriefData = inferRouterOutputs<AppRouter>['duban']['brief']['data']

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`)
/** A status in the brief's language: the domain's Chinese labels, the code (which is English) otherwise. */
const statusLabel = (entity: string, status: string | null, zh: boolean) =>
  status === null
    ? '—'
    : zh
      ? ((
          (entity === 'facility' ? FACILITY_STATUS_LABELS_ZH : ROAD_SEGMENT_STATUS_LABELS_ZH) as Record<string, string>
        )[status] ?? status)
      : status.replace('_', ' ')
const wan = (n: number) => Math.round(n).toLocaleString('zh-CN')

/** The weekly meeting brief as one self-contained A4 HTML page (inline SVG map, print CSS); prints as is. */
export function renderBrief(d: BriefData, lang: BriefLang): string {
  const T = BRIEF_TEXT[lang]
  const zh = lang === 'zh'
  const area = d.area ? (zh ? d.area.nameZh : d.area.nameEn) : T.zone
  const stamp = `${T.asOf} ${d.dataChangedAt ? d.dataChangedAt.replace('T', ' ').slice(0, 16) : d.today} · ${T.generated} ${d.generatedAt.replace('T', ' ').slice(0, 16)} UTC`
  const sample = d.map.isSample || d.investment.includesSample ? `<p class="sample">${esc(T.sample)}</p>` : ''
  const card = (c: 'red' | 'yellow') => `<span class="card card-${c}">${esc(c === 'red' ? T.red : T.yellow)}</span>`
  const reason = (r: BriefData['cards'][number]['card']['reasons'][number]) =>
    r.kind === 'late'
      ? T.late(r.days)
      : r.kind === 'order_overdue'
        ? T.orderOverdue(r.orderId, r.days)
        : T.orderDueSoon(r.orderId, r.days)
  const k = d.kpis
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(T.title)} · ${esc(area)} · ${esc(d.today)}</title>
<style>${BRIEF_CSS}</style></head>
<body><main class="brief">
<header><h1>${esc(T.title)}</h1><p class="meta">${esc(area)} · ${esc(T.period(d.since, d.today))}</p><p class="stamp" data-testid="brief-stamp">${esc(stamp)}</p>${sample}</header>
<section class="kpis" aria-label="${esc(T.kpis)}">
  <div class="kpi"><h2>${esc(T.roadsGoal)}</h2><p class="big">${pct(k.roads.ratio)}</p><p>${esc(T.roadsKm((k.roads.completedM / 1000).toFixed(1), (k.roads.plannedM / 1000).toFixed(1)))}</p></div>
  <div class="kpi"><h2>${esc(T.facilitiesGoal)}</h2><p class="big">${pct(k.facilities.ratio)}</p><p>${esc(T.facilitiesCount(k.facilities.started, k.facilities.planned))}</p></div>
  <div class="kpi"><h2>${esc(T.cards)}</h2><p class="big">${d.cards.filter((c) => c.card.colour === 'red').length} / ${d.cards.filter((c) => c.card.colour === 'yellow').length}</p><p>${esc(T.redYellow)}</p></div>
  <div class="kpi"><h2>${esc(T.investment)}</h2><p class="big">${d.investment.planned > 0 ? pct(d.investment.completed / d.investment.planned) : '—'}</p><p>${esc(T.investmentWan(wan(d.investment.completed), wan(d.investment.planned)))}</p></div>
</section>
<p class="goal">${esc(T.goal(d.deadline, d.daysToDeadline))}</p>
<figure class="map">${briefMapSvg(d.map)}<figcaption>${esc(T.legend)}</figcaption></figure>
<section><h2>${esc(T.cardList)}</h2>
${
  d.cards.length === 0
    ? `<p>${esc(T.noCards)}</p>`
    : `<table class="list" data-testid="brief-cards"><thead><tr><th>${esc(T.cardCol)}</th><th>${esc(T.item)}</th><th>${esc(T.unit)}</th><th>${esc(T.why)}</th><th>${esc(T.openOrders)}</th></tr></thead><tbody>
${d.cards.map((c) => `<tr><td>${card(c.card.colour)}</td><td>${esc(zh ? c.nameZh : c.nameEn)} <span class="id">${esc(c.id)}</span></td><td>${esc(c.unit ? (zh ? c.unit.nameZh : c.unit.nameEn) : '—')}</td><td>${esc(c.card.reasons.map(reason).join('；'))}</td><td>${c.openOrders.map((id) => `#${id}`).join(' ') || '—'}</td></tr>`).join('\n')}
</tbody></table>`
}
</section>
<section><h2>${esc(T.orders)}</h2>
${
  d.orders.length === 0
    ? `<p>${esc(T.noOrders)}</p>`
    : `<table class="list"><thead><tr><th>#</th><th>${esc(T.unit)}</th><th>${esc(T.request)}</th><th>${esc(T.due)}</th><th>${esc(T.state)}</th></tr></thead><tbody>
${d.orders.map((o) => `<tr${o.overdue ? ' class="overdue"' : ''}><td>${o.id}</td><td>${esc(zh ? o.unitNameZh : o.unitNameEn)}</td><td>${esc(o.request)}</td><td>${esc(o.dueOn)}${o.overdue ? ` ${esc(T.overdue)}` : ''}</td><td>${esc(T.states[o.state])}</td></tr>`).join('\n')}
</tbody></table>`
}
</section>
<section><h2>${esc(T.changes(d.since))}</h2>
${
  d.changes.length === 0
    ? `<p>${esc(T.noChanges)}</p>`
    : `<table class="list"><thead><tr><th>${esc(T.date)}</th><th>${esc(T.item)}</th><th>${esc(T.change)}</th></tr></thead><tbody>
${d.changes.map((c) => `<tr><td>${esc(c.happenedOn)}</td><td>${esc(c.item)} <span class="id">${esc(c.entityId)}</span></td><td>${esc(statusLabel(c.entity, c.from, zh))} → ${esc(statusLabel(c.entity, c.to, zh))}</td></tr>`).join('\n')}
</tbody></table>`
}
</section>
</main></body></html>`
}
