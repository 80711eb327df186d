import { createContext } from '@onemap/api/context'
import { createCaller } from '@onemap/api/root'
import type { Database } from '@onemap/db/database'
import { stringify } from 'csv-stringify/sync'
import type { FastifyInstance } from 'fastify'

/** Values change at any edit: clients revalidate. */
const REVALIDATE = 'public, max-age=0, must-revalidate'

const CSV_COLUMNS = [
  'indicator_id',
  'category',
  'name_zh',
  'name_en',
  'unit',
  'direction',
  'target',
  'target_year',
  'cadence',
  'pace_rule',
  'period',
  'value',
  'is_sample',
  'status',
  'as_of',
  'definition_zh',
  'definition_en',
  'source',
] as const

/**
 * Open data of the indicators (城市数据一块屏): /data/indicators.json is the public overview as is;
 * /data/indicators.csv has one row per indicator and period (an indicator without values gets one
 * row with an empty period), with its current target, status and as-of period on every row.
 * Both come from the public tRPC procedure, so they hold exactly the public fields.
 */
export async function indicatorDataRoutes(app: FastifyInstance, { db }: { db: Database }) {
  const overview = () => createCaller(createContext(db)).indicators.overview()

  app.get('/data/indicators.json', async (_request, reply) => {
    reply.header('cache-control', REVALIDATE)
    return overview()
  })

  app.get('/data/indicators.csv', async (_request, reply) => {
    const { indicators } = await overview()
    const rows = indicators.flatMap((i) => {
      const base = {
        indicator_id: i.id,
        category: i.category,
        name_zh: i.name_zh,
        name_en: i.name_en,
        unit: i.unit,
        direction: i.direction,
        target: i.target.value,
        target_year: i.target.year,
        cadence: i.cadence,
        pace_rule: i.pace,
        status: i.status,
        as_of: i.asOf ?? '',
        definition_zh: i.definition_zh,
        definition_en: i.definition_en,
        source: i.source,
      }
      if (i.values.length === 0) return [{ ...base, period: '', value: '', is_sample: '' }]
      return i.values.map((v) => ({ ...base, period: v.period, value: String(v.value), is_sample: String(v.isSample) }))
    })
    reply
      .header('cache-control', REVALIDATE)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="onemap-indicators.csv"')
    // The byte-order mark makes Excel read the Chinese text as UTF-8.
    return stringify(rows, { header: true, bom: true, columns: [...CSV_COLUMNS] })
  })
}
