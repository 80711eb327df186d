import type { Database } from '@onemap/db/database'
import { insertSampleValues } from '@onemap/db/queries/indicator-writes'
import { indicatorValuesEmpty, syncIndicatorRegistry } from '@onemap/db/queries/indicators'
import { periodsOf, yearFraction } from '@onemap/domain/indicator-periods'
import { INDICATOR_REGISTRY } from '@onemap/domain/indicator-registry'
import type { Indicator } from '@onemap/domain/indicators'

/**
 * Generated sample values for the indicator registry: plausible-looking, deterministic, and NOT
 * official statistics. They are stored with is_sample and shown as 示例 · sample (data/PROVENANCE.md)
 * until a planner or an import enters the real figure for a period.
 */

/** A number in [0, 1) fixed by the text: the same sample on every machine. */
function unit(text: string): number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  return ((h >>> 0) % 10_000) / 10_000
}

const COUNT_UNITS = new Set(['家', '个', '套'])

const round = (x: number, digits: number) => Number(x.toFixed(digits))

/** Sample values of one indicator: its first target year (and the years up to a 2022 target). */
export function sampleValues(ind: Indicator): { indicatorId: string; period: string; value: number }[] {
  const target = ind.targets[0]!
  // Between 85 % and 112 % of the target by its year: some met, some missed, as real years go.
  const reach = 0.85 + 0.27 * unit(ind.id)
  // Counts (firms, projects, units) are whole; amounts and rates keep one decimal.
  const digits = COUNT_UNITS.has(ind.unit) || target.value >= 1000 ? 0 : 1
  const out: { indicatorId: string; period: string; value: number }[] = []
  const push = (period: string, value: number) =>
    out.push({ indicatorId: ind.id, period, value: round(Math.max(0, value), digits) })
  if (ind.pace === 'ytd') {
    for (const p of periodsOf(target.year, ind.cadence))
      push(p, target.value * reach * yearFraction(p, ind.cadence) ** 1.1)
  } else if (ind.pace === 'trajectory') {
    const start = target.value * (0.72 + 0.1 * unit(`${ind.id}/start`))
    const years = target.year - 2019
    for (let y = 2019; y <= target.year; y++)
      push(String(y), start + ((target.value * reach - start) * (y - 2019)) / years)
  } else {
    // A rate near its target, wandering a little from period to period.
    const last = ind.targets.at(-1)!.year
    for (let y = 2020; y <= last; y++) {
      for (const p of periodsOf(y, ind.cadence)) {
        const wobble = (unit(`${ind.id}/${p}`) - 0.5) * 0.08
        const factor = ind.direction === '>=' ? reach + wobble : 2 - reach + wobble
        push(p, target.value * factor)
      }
    }
  }
  return out
}

/**
 * Writes the registry (always: definitions follow the code) and, into a database that never had an
 * indicator value, the generated sample values; one transaction.
 */
export async function seedIndicators(db: Database): Promise<{ reason: string }> {
  return db.transaction(async (client) => {
    await syncIndicatorRegistry(client)
    if (!(await indicatorValuesEmpty(client))) return { reason: 'indicator registry synced; values left as recorded' }
    const rows = INDICATOR_REGISTRY.flatMap(sampleValues)
    await insertSampleValues(client, rows)
    return { reason: `indicator registry synced; ${rows.length} generated sample values written (labelled sample)` }
  })
}
