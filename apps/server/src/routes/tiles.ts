import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Database } from '@onemap/db/database'
import { layerStats, layerVersion } from '@onemap/db/queries/catalogue'
import { missingAreas } from '@onemap/db/queries/filters'
import { renderVersionedTile, type TileEncoder } from '@onemap/db/queries/tiles'
import { filterProblems } from '@onemap/domain/layer-filters'
import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { LRUCache } from 'lru-cache'
import { publicOrigin } from '../public-origin.ts'
import {
  answerError,
  FILTER_PARAMS,
  filterQueryString,
  NotFoundError,
  ParameterError,
  parseFilter,
  refuseUnknown,
  single,
  type RawQuery,
} from './query-params.ts'

export interface TileRouteOptions {
  db: Database
  /** Bytes of gzipped tiles kept in memory; 0 disables the cache (benchmarks of the cold path). */
  cacheBytes?: number
  /** Override the encoder (tests compare both on the server backend). */
  encoder?: TileEncoder
}

const MAX_ZOOM = 22
const MVT_TYPE = 'application/vnd.mapbox-vector-tile'
/** A versioned URL never changes its content: a new edit makes a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** An unversioned URL may change at any edit: clients revalidate with the ETag. */
const REVALIDATE = 'public, max-age=0, must-revalidate'

interface CachedTile {
  gz: Buffer
  etag: string
}

/** GET /tiles/{layer}/{z}/{x}/{y}.mvt and GET /tiles/{layer}.json (TileJSON 3.0.0). */
export async function tileRoutes(app: FastifyInstance, options: TileRouteOptions): Promise<void> {
  const { db } = options
  const cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024
  app.setErrorHandler(answerError)
  const cache =
    cacheBytes > 0
      ? new LRUCache<string, CachedTile>({ maxSize: cacheBytes, sizeCalculation: (t) => t.gz.length + 100 })
      : undefined

  app.get<{ Params: { layer: string; z: string; x: string; tile: string }; Querystring: RawQuery }>(
    '/tiles/:layer/:z/:x/:tile',
    async (request, reply) => {
      const layer = layerParam(request.params.layer)
      const z = integerParam('z', request.params.z, MAX_ZOOM)
      const x = integerParam('x', request.params.x, 2 ** z - 1)
      const yMatch = /^(\d{1,8})\.mvt$/.exec(request.params.tile)
      if (!yMatch) throw new ParameterError('y', 'expected {y}.mvt with y a whole number')
      const y = integerParam('y', yMatch[1] as string, 2 ** z - 1)
      refuseUnknown(request.query, [...FILTER_PARAMS, 'v'])
      const filter = parseFilter(request.query)
      const requested = versionParam(single(request.query, 'v'))
      const filterKey = filterQueryString(filter)

      // A versioned hit needs no database at all: that version's tile can never change.
      const key = (version: number) => `${layer.id}|${version}|${filterKey}|${z}/${x}/${y}`
      let tile = requested === undefined ? undefined : cache?.get(key(requested))
      let current = requested
      if (!tile) {
        checkFilter(layer, filter)
        // Only an unversioned request can still hit the cache once it knows the current version;
        // otherwise the tile statement reads the version itself (one round trip, not two).
        if (cache && requested === undefined) {
          current = await layerVersion(db, layer)
          tile = cache.get(key(current))
        }
        if (!tile) {
          await refuseMissingAreas(db, filter)
          const rendered = await renderVersionedTile(db, layer, { z, x, y }, filter, options.encoder)
          current = rendered.version
          tile = compress(rendered.mvt)
          cache?.set(key(current), tile)
        }
      }
      reply.header('Cache-Control', requested !== undefined && requested === current ? IMMUTABLE : REVALIDATE)
      reply.header('ETag', tile.etag).header('Vary', 'Accept-Encoding').type(MVT_TYPE)
      if (request.headers['if-none-match'] === tile.etag) return reply.status(304).send()
      if (acceptsGzip(request)) return reply.header('Content-Encoding', 'gzip').send(tile.gz)
      return reply.send(gunzipSync(tile.gz))
    },
  )

  app.get<{ Params: { file: string }; Querystring: RawQuery }>('/tiles/:file', async (request, reply) => {
    const match = /^(.{1,100})\.json$/.exec(request.params.file)
    if (!match) throw new NotFoundError(`No route GET /tiles/${request.params.file.slice(0, 100)}`)
    const layer = layerParam(match[1] as string)
    refuseUnknown(request.query, FILTER_PARAMS)
    const filter = parseFilter(request.query)
    checkFilter(layer, filter)
    await refuseMissingAreas(db, filter)
    const stats = (await layerStats(db)).find((s) => s.layer === layer.id)
    const version = stats?.version ?? 0
    const filterQs = filterQueryString(filter)
    const origin = publicOrigin(request)
    const bounds = stats?.extent ?? [113.45, 34.77, 113.6, 34.86]
    reply.header('Cache-Control', 'no-cache')
    return {
      tilejson: '3.0.0',
      name: layer.title_en,
      description: `${layer.title_zh} · ${layer.title_en}`,
      version: '1.0.0',
      attribution: '示例数据 · sample data, approximate',
      scheme: 'xyz',
      tiles: [`${origin}/tiles/${layer.id}/{z}/{x}/{y}.mvt?v=${version}${filterQs ? `&${filterQs}` : ''}`],
      minzoom: layer.minZoom,
      maxzoom: MAX_ZOOM,
      bounds,
      center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 12],
      vector_layers: [
        {
          id: layer.id,
          description: layer.title_en,
          minzoom: layer.minZoom,
          maxzoom: MAX_ZOOM,
          fields: Object.fromEntries(
            layer.tileFields.map((name) => [name, layer.fields.find((f) => f.name === name)?.type === 'boolean' ? 'Boolean' : 'String']),
          ),
        },
      ],
    }
  })
}

/**
 * Level 4 instead of zlib's default 6: on large tiles (100 kB+) it takes about half the time for
 * ~1 % more bytes, and an uncached tile is compressed on the event loop. The ETag hashes the
 * compressed bytes (deterministic for the same tile, and several times fewer of them).
 */
function compress(mvt: Buffer): CachedTile {
  const gz = gzipSync(mvt, { level: 4 })
  return { gz, etag: `"${createHash('sha1').update(gz).digest('base64url').slice(0, 22)}"` }
}

function layerParam(value: string): LayerDefinition {
  const layer = findLayer(value)
  if (!layer) throw new NotFoundError(`No layer '${value.slice(0, 100)}'`)
  return layer
}

/** A whole number 0…max written in plain digits (no sign, exponent or fraction). */
function integerParam(param: string, value: string, max: number): number {
  if (!/^\d{1,8}$/.test(value)) throw new ParameterError(param, 'expected a whole number')
  const n = Number(value)
  if (n > max) throw new ParameterError(param, `must be at most ${max}`)
  return n
}

function versionParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,15}$/.test(value)) throw new ParameterError('v', 'expected a layer version (whole number)')
  return Number(value)
}

function checkFilter(layer: LayerDefinition, filter: ReturnType<typeof parseFilter>) {
  const [problem] = filterProblems(layer, filter)
  if (problem) throw new ParameterError(problem.param, problem.message)
}

async function refuseMissingAreas(db: Database, filter: ReturnType<typeof parseFilter>) {
  const [missing] = await missingAreas(db, filter)
  if (missing) throw new NotFoundError(`Parameter '${missing.param}': ${missing.message}`)
}

function acceptsGzip(request: FastifyRequest): boolean {
  return /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
}

