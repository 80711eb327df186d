import type { Database } from '@onemap/db/database'
import { layerStats } from '@onemap/db/queries/catalogue'
import { CRS84, OGC_CRS, OGC_CRS_URIS, ogcItem, ogcItems, type OgcCrs } from '@onemap/db/queries/ogc'
import { noNul } from '@onemap/domain/layer-filters'
import { findLayer, LAYERS, type LayerDefinition } from '@onemap/domain/layers'
import { ZONE_BOUNDS } from '@onemap/domain/zone'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { publicOrigin } from '../public-origin.ts'
import { projectedDomainText, withinProjectedDomain } from './crs-domain.ts'
import { answerError, NotFoundError, ParameterError, refuseUnknown, single, type RawQuery } from './query-params.ts'

export interface OgcRouteOptions {
  db: Database
}

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 10_000
const STORAGE_CRS = 'http://www.opengis.net/def/crs/EPSG/0/4490'
const GEOJSON = 'application/geo+json'
const JSON_TYPE = 'application/json'
const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
]
/** Parameters of every item request; public field names of the layer are allowed as well. */
const ITEM_PARAMS = ['bbox', 'bbox-crs', 'crs', 'limit', 'offset', 'f', 'datetime', 'properties']

/** OGC API Features Part 1 (Core, GeoJSON) and Part 2 (CRS by reference) under /ogc. */
export async function ogcRoutes(app: FastifyInstance, options: OgcRouteOptions): Promise<void> {
  const { db } = options
  app.setErrorHandler(answerError)
  const base = (request: FastifyRequest) => `${publicOrigin(request)}/ogc`

  const landing = async (request: FastifyRequest<{ Querystring: RawQuery }>) => {
    plainQuery(request.query)
    const b = base(request)
    return {
      title: 'OneMap 高新一张图 — Zhengzhou High-tech Zone',
      description: 'Planning layers of the Zhengzhou High-tech Zone (sample data, approximate).',
      links: [
        { rel: 'self', type: JSON_TYPE, title: 'This document', href: `${b}` },
        { rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes', href: `${b}/conformance` },
        { rel: 'data', type: JSON_TYPE, title: 'Collections', href: `${b}/collections` },
      ],
    }
  }
  app.get('/ogc', landing)
  app.get('/ogc/', landing)

  app.get<{ Querystring: RawQuery }>('/ogc/conformance', async (request) => {
    plainQuery(request.query)
    return { conformsTo: CONFORMANCE }
  })

  app.get<{ Querystring: RawQuery }>('/ogc/collections', async (request) => {
    plainQuery(request.query)
    const stats = await statsByLayer(db)
    const b = base(request)
    return {
      links: [{ rel: 'self', type: JSON_TYPE, href: `${b}/collections` }],
      collections: LAYERS.map((layer) => describe(b, layer, stats.get(layer.id)?.extent ?? null)),
      crs: OGC_CRS_URIS,
    }
  })

  app.get<{ Params: { id: string }; Querystring: RawQuery }>('/ogc/collections/:id', async (request) => {
    const layer = collectionParam(request.params.id)
    plainQuery(request.query)
    const stats = await statsByLayer(db)
    return describe(base(request), layer, stats.get(layer.id)?.extent ?? null)
  })

  app.get<{ Params: { id: string }; Querystring: RawQuery }>('/ogc/collections/:id/items', async (request, reply) => {
    const layer = collectionParam(request.params.id)
    const query = request.query
    const fieldNames = layer.fields.map((f) => f.name)
    refuseUnknown(query, [...ITEM_PARAMS, ...fieldNames])
    formatParam(query)
    datetimeParam(query)
    const crs = crsParam(query, 'crs')
    const bboxCrs = crsParam(query, 'bbox-crs')
    const bbox = bboxParam(query, bboxCrs)
    if (bbox === undefined && single(query, 'bbox-crs') !== undefined)
      throw new ParameterError('bbox-crs', 'given without bbox')
    // Core: a limit above the maximum is not an error, the maximum applies instead.
    const limit = Math.min(wholeParam(query, 'limit', DEFAULT_LIMIT, 1), MAX_LIMIT)
    const offset = wholeParam(query, 'offset', 0, 0)
    const properties: Record<string, string> = {}
    for (const name of fieldNames) {
      const value = single(query, name)
      if (value === undefined) continue
      if (value.length > 200 || !noNul(value))
        throw new ParameterError(name, 'value must be at most 200 characters without NUL')
      properties[name] = value
    }
    const fields = fieldsParam(query, layer)
    const page = await ogcItems(db, layer, { bbox, bboxCrs, crs, limit, offset, properties, fields })
    const itemsUrl = `${base(request)}/collections/${layer.id}/items`
    const withOffset = (o: number) => {
      const search = new URLSearchParams(request.url.split('?')[1] ?? '')
      search.set('offset', String(o))
      search.set('limit', String(limit))
      return `${itemsUrl}?${search}`
    }
    const links: object[] = [
      {
        rel: 'self',
        type: GEOJSON,
        title: 'This page',
        href: `${itemsUrl}${request.url.includes('?') ? `?${request.url.split('?')[1]}` : ''}`,
      },
      {
        rel: 'alternate',
        type: 'application/vnd.mapbox-vector-tile',
        title: 'Vector tiles',
        href: `/tiles/${layer.id}/{z}/{x}/{y}.mvt`,
        templated: true,
      },
      { rel: 'collection', type: JSON_TYPE, href: `${base(request)}/collections/${layer.id}` },
    ]
    if (offset + page.numberReturned < page.numberMatched)
      links.push({ rel: 'next', type: GEOJSON, title: 'Next page', href: withOffset(offset + limit) })
    if (offset > 0)
      links.push({ rel: 'prev', type: GEOJSON, title: 'Previous page', href: withOffset(Math.max(0, offset - limit)) })
    reply.header('Content-Crs', `<${crs}>`).type(GEOJSON)
    // The features array is JSON text from SQL; the envelope is spliced around it, never re-parsed.
    return reply.send(
      `{"type":"FeatureCollection","numberMatched":${page.numberMatched},"numberReturned":${page.numberReturned},` +
        `"timeStamp":${JSON.stringify(new Date().toISOString())},"links":${JSON.stringify(links)},"features":${page.features}}`,
    )
  })

  app.get<{ Params: { id: string; fid: string }; Querystring: RawQuery }>(
    '/ogc/collections/:id/items/:fid',
    async (request, reply) => {
      const layer = collectionParam(request.params.id)
      refuseUnknown(request.query, ['crs', 'f', 'properties'])
      formatParam(request.query)
      const crs = crsParam(request.query, 'crs')
      const fields = fieldsParam(request.query, layer)
      const fid = request.params.fid
      if (fid.length > 100 || !noNul(fid))
        throw new NotFoundError(`No feature with id '${fid.slice(0, 100)}' in collection '${layer.id}'`)
      const body = await ogcItem(db, layer, fid, crs, fields)
      if (body === null) throw new NotFoundError(`No feature with id '${fid}' in collection '${layer.id}'`)
      const b = base(request)
      const links = JSON.stringify([
        { rel: 'self', type: GEOJSON, href: `${b}/collections/${layer.id}/items/${encodeURIComponent(fid)}` },
        { rel: 'collection', type: JSON_TYPE, href: `${b}/collections/${layer.id}` },
      ])
      reply.header('Content-Crs', `<${crs}>`).type(GEOJSON)
      return reply.send(`${body.slice(0, -1)},"links":${links}}`)
    },
  )
}

async function statsByLayer(db: Database) {
  return new Map((await layerStats(db)).map((s) => [s.layer, s]))
}

function describe(base: string, layer: LayerDefinition, extent: [number, number, number, number] | null) {
  return {
    id: layer.id,
    title: `${layer.title_zh} · ${layer.title_en}`,
    description: `${layer.title_en}: ${layer.fields.map((f) => f.name).join(', ')}`,
    itemType: 'feature',
    extent: { spatial: { bbox: [extent ?? ZONE_BOUNDS], crs: CRS84 } },
    crs: OGC_CRS_URIS,
    storageCrs: STORAGE_CRS,
    links: [
      { rel: 'self', type: JSON_TYPE, href: `${base}/collections/${layer.id}` },
      { rel: 'items', type: GEOJSON, title: 'Features', href: `${base}/collections/${layer.id}/items` },
    ],
  }
}

function collectionParam(id: string): LayerDefinition {
  const layer = findLayer(id)
  if (!layer) throw new NotFoundError(`No collection '${id.slice(0, 100)}'`)
  return layer
}

function plainQuery(query: RawQuery) {
  refuseUnknown(query, ['f'])
  formatParam(query)
}

function formatParam(query: RawQuery) {
  const f = single(query, 'f')
  if (f !== undefined && f !== 'json' && f !== 'geojson') throw new ParameterError('f', 'only json is served')
}

/** Accepted for Core conformance; no layer has a time-stamped property, so every item matches. */
function datetimeParam(query: RawQuery) {
  const value = single(query, 'datetime')
  if (value !== undefined && !/^(\.\.|[0-9T:.+Z-]{4,40})(\/(\.\.|[0-9T:.+Z-]{4,40}))?$/.test(value)) {
    throw new ParameterError('datetime', 'expected an RFC 3339 date-time or interval')
  }
}

function crsParam(query: RawQuery, param: 'crs' | 'bbox-crs'): OgcCrs {
  const value = single(query, param)
  if (value === undefined) return CRS84
  if (!Object.hasOwn(OGC_CRS, value))
    throw new ParameterError(param, `unsupported CRS; supported: ${OGC_CRS_URIS.join(', ')}`)
  return value as OgcCrs
}

/**
 * `properties=a,b`: which public fields each feature carries, in that order (OGC API Features
 * Part 1 "properties" selection); empty for none; absent for all.
 */
function fieldsParam(query: RawQuery, layer: LayerDefinition): string[] | undefined {
  const value = single(query, 'properties')
  if (value === undefined) return undefined
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
  const known = layer.fields.map((f) => f.name)
  const unknown = names.find((n) => !known.includes(n))
  if (unknown !== undefined) {
    throw new ParameterError(
      'properties',
      `'${unknown.slice(0, 60)}' is not a field of '${layer.id}'; fields: ${known.join(', ')}`,
    )
  }
  return [...new Set(names)]
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,3})?$/

function bboxParam(query: RawQuery, crs: OgcCrs): [number, number, number, number] | undefined {
  const value = single(query, 'bbox')
  if (value === undefined) return undefined
  const parts = value.split(',')
  if ((parts.length !== 4 && parts.length !== 6) || !parts.every((p) => NUMBER.test(p.trim()))) {
    throw new ParameterError('bbox', 'expected 4 or 6 comma-separated numbers')
  }
  const n = parts.map(Number)
  // With 6 numbers the 3rd and 6th are heights, which no layer has.
  const box = (n.length === 6 ? [n[0], n[1], n[3], n[4]] : n) as [number, number, number, number]
  if (!box.every(Number.isFinite)) throw new ParameterError('bbox', 'numbers must be finite')
  if (box[0] > box[2] || box[1] > box[3])
    throw new ParameterError('bbox', 'lower corner must not exceed the upper corner')
  if (OGC_CRS[crs].srid === 4490) {
    const [lon1, lat1, lon2, lat2] = OGC_CRS[crs].flip ? [box[1], box[0], box[3], box[2]] : box
    if (Math.abs(lon1) > 180 || Math.abs(lon2) > 180 || Math.abs(lat1) > 90 || Math.abs(lat2) > 90) {
      throw new ParameterError(
        'bbox',
        'longitude must be within ±180 and latitude within ±90 (mind the axis order of bbox-crs)',
      )
    }
  } else if (!withinProjectedDomain(OGC_CRS[crs].srid, OGC_CRS[crs].flip ? [box[1], box[0], box[3], box[2]] : box)) {
    throw new ParameterError(
      'bbox',
      `coordinates outside the domain of bbox-crs (${projectedDomainText(OGC_CRS[crs].srid)})`,
    )
  }
  return box
}

function wholeParam(query: RawQuery, param: string, fallback: number, min: number): number {
  const value = single(query, param)
  if (value === undefined) return fallback
  if (!/^\d{1,15}$/.test(value)) throw new ParameterError(param, 'expected a whole number')
  const n = Number(value)
  if (n < min) throw new ParameterError(param, `must be at least ${min}`)
  if (param === 'offset' && n > 1e9) throw new ParameterError(param, 'too large')
  return n
}
