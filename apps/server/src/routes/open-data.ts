import type { Database } from '@onemap/db/database'
import { layerGeoJson, layerRows } from '@onemap/db/queries/open-data'
import { findLayer, MAP_LAYER_IDS, type LayerDefinition } from '@onemap/domain/layers'
import { stringify } from 'csv-stringify/sync'
import type { FastifyInstance } from 'fastify'
import { answerError, ParameterError, refuseUnknown, type RawQuery } from './query-params.ts'

const FORMATS = { geojson: 'application/geo+json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const
type Format = keyof typeof FORMATS

/** `{layer}.{geojson|csv}` → the catalogue layer and format, or a 400 naming what is wrong. */
function fileParam(file: string): { layer: LayerDefinition; format: Format } {
  const match = /^([a-z_]{1,40})\.(geojson|csv)$/.exec(file)
  const layer = match ? findLayer(match[1] as string) : undefined
  if (!match || !layer) {
    throw new ParameterError(
      'file',
      `expected {layer}.geojson or {layer}.csv with layer one of ${MAP_LAYER_IDS.join(', ')}`,
    )
  }
  return { layer, format: match[2] as Format }
}

/** CSV of the public fields plus a WKT geometry column; a BOM so spreadsheet programs read the Chinese as UTF-8. */
async function csvOf(db: Database, layer: LayerDefinition): Promise<string> {
  const columns = [...layer.fields.map((f) => f.name), 'wkt']
  const rows = (await layerRows(db, layer)).map((r) => [...layer.fields.map((f) => r.properties[f.name] ?? ''), r.wkt])
  return `\uFEFF${stringify(rows, { header: true, columns, cast: { boolean: (v) => (v ? 'true' : 'false') } })}`
}

/**
 * GET /data/{layer}.geojson and /data/{layer}.csv: each map layer's public fields (docs/public-fields.md),
 * whole, for the open-data page. Geometry in EPSG:4490 (CGCS2000) degrees.
 */
export async function openDataRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  const { db } = options
  app.setErrorHandler(answerError)
  app.get<{ Params: { file: string }; Querystring: RawQuery }>('/data/:file', async (request, reply) => {
    refuseUnknown(request.query, [])
    const { layer, format } = fileParam(request.params.file)
    const body = format === 'csv' ? await csvOf(db, layer) : await layerGeoJson(db, layer)
    return reply
      .headers({
        'content-type': FORMATS[format],
        'content-disposition': `attachment; filename="onemap-${layer.id}.${format}"`,
        'cache-control': 'public, max-age=60',
      })
      .send(body)
  })
}
