import { createHash } from 'node:crypto'
import type { Database } from '@onemap/db/database'
import { layerStats, layerVersion } from '@onemap/db/queries/catalogue'
import { refuseFilter } from '@onemap/db/queries/filters'
import { renderVersionedTile, TILE_FEATURE_BUDGET, type TileEncoder } from '@onemap/db/queries/tiles'
import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import { ZONE_BOUNDS } from '@onemap/domain/zone'
import type { FastifyInstance } from 'fastify'
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
import { LayerVersions } from './layer-versions.ts'
import { encode, negotiateCoding } from './tile-encoding.ts'

export interface TileRouteOptions {
  db: Database
  /**
   * Where tiles are rendered: the read replica (db.reads), falling back to `db` when the replica has
   * not yet replayed the version asked for. Absent: `db`.
   */
  reads?: Database | undefined
  /** Bytes of tiles kept in memory (raw and compressed); 0 disables the cache (benchmarks of the cold path). */
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

/** A compressed form of a tile; `tag` suffixes the ETag, so two forms of different bytes never share one. */
interface CodedTile {
  bytes: Promise<Buffer>
  tag: string
}

/** One tile at one version: the protobuf, and each compressed form once a client asked for it. */
interface CachedTile {
  raw: Buffer
  etag: string
  truncated: boolean
  coded: Partial<Record<'gzip' | 'br', CodedTile>>
}

/** GET /tiles/{layer}/{z}/{x}/{y}.mvt and GET /tiles/{layer}.json (TileJSON 3.0.0). */
export async function tileRoutes(app: FastifyInstance, options: TileRouteOptions): Promise<void> {
  const { db } = options
  const reads = options.reads ?? db
  const cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024
  app.setErrorHandler(answerError)
  // Keyed by layer, version, filter and tile: a key's content never changes, only its LRU place.
  const cache =
    cacheBytes > 0
      ? new LRUCache<string, CachedTile>({ maxSize: cacheBytes, sizeCalculation: (t) => 2 * t.raw.length + 200 })
      : undefined
  const versions = cache ? new LayerVersions(db) : undefined
  if (versions) {
    await versions.start()
    app.addHook('onClose', async () => versions.stop())
  }

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
      const coding = negotiateCoding(request.headers['accept-encoding'])
      if (coding === null)
        return reply
          .status(406)
          .send({ code: 'NotAcceptable', description: 'Accept-Encoding refuses br, gzip and identity' })
      const filterKey = filterQueryString(filter)

      // A versioned hit needs no database at all: that version's tile can never change. An
      // unversioned one knows the current version from the layer notifications.
      const key = (version: number) => `${layer.id}|${version}|${filterKey}|${z}/${x}/${y}`
      let current = requested ?? versions?.current(layer)
      let tile = current === undefined ? undefined : cache?.get(key(current))
      if (!tile) {
        // Without the notifications (starting, reconnecting) an unversioned request reads the
        // version first; otherwise the tile statement reads it itself (one round trip, not two).
        if (cache && current === undefined) {
          current = await layerVersion(db, layer)
          tile = cache.get(key(current))
        }
        if (!tile) {
          await checkFilter(reads, layer, filter)
          const address = { z, x, y }
          const render = (from: Database) =>
            renderVersionedTile(from, layer, address, filter, options.encoder ? { encoder: options.encoder } : {})
          let rendered = await render(reads)
          // The version comes from the tile's own snapshot. A replica behind the version asked for (or,
          // unversioned, behind what this process knows is committed) would label older data with a
          // newer version: the primary renders it instead. A version beyond the primary's counts as the
          // primary's, so a made-up ?v= cannot steer reads away from the replica.
          const floor =
            requested === undefined
              ? versions?.current(layer)
              : Math.min(requested, versions?.current(layer) ?? requested)
          if (reads !== db && floor !== undefined && rendered.version < floor) rendered = await render(db)
          current = rendered.version
          tile = { raw: rendered.mvt, etag: etagOf(rendered.mvt), truncated: rendered.truncated, coded: {} }
          cache?.set(key(current), tile)
        }
      }
      reply.header('Cache-Control', requested !== undefined && requested === current ? IMMUTABLE : REVALIDATE)
      reply.header('Vary', 'Accept-Encoding')
      if (tile.truncated) reply.header('OneMap-Truncated', `${layer.id}; budget=${TILE_FEATURE_BUDGET}`)
      // An empty tile has no body to encode: 204, as MapLibre and Martin expect.
      if (tile.raw.length === 0) return reply.status(204).send()
      const coded =
        coding === 'identity' ? undefined : (tile.coded[coding] ??= compress(tile, coding, cache !== undefined))
      reply.header('ETag', coded ? `${tile.etag.slice(0, -1)}-${coded.tag}"` : tile.etag).type(MVT_TYPE)
      if (matchesEtag(request.headers['if-none-match'], tile.etag)) return reply.status(304).send()
      if (!coded) return reply.send(tile.raw)
      return reply.header('Content-Encoding', coding).send(await coded.bytes)
    },
  )

  app.get<{ Params: { file: string }; Querystring: RawQuery }>('/tiles/:file', async (request, reply) => {
    const match = /^(.{1,100})\.json$/.exec(request.params.file)
    if (!match) throw new NotFoundError(`No route GET /tiles/${request.params.file.slice(0, 100)}`)
    const layer = layerParam(match[1] as string)
    refuseUnknown(request.query, FILTER_PARAMS)
    const filter = parseFilter(request.query)
    await checkFilter(db, layer, filter)
    const stats = (await layerStats(db)).find((s) => s.layer === layer.id)
    const version = stats?.version ?? 0
    const filterQs = filterQueryString(filter)
    const origin = publicOrigin(request)
    const bounds = stats?.extent ?? ZONE_BOUNDS
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
            layer.tileFields.map((name) => [
              name,
              layer.fields.find((f) => f.name === name)?.type === 'boolean' ? 'Boolean' : 'String',
            ]),
          ),
        },
      ],
    }
  })
}

/**
 * The first compressed form of a tile. gzip answers the request that rendered it at level 1 (about
 * half the CPU of level 4 on a 165 kB tile, 2–5 % more bytes); with a cache, the form every later hit
 * gets is recompressed at level 6 (9–11 % fewer bytes than level 1) once that answer is under way,
 * and replaces it when done. A failed recompression keeps the fast form.
 */
function compress(tile: CachedTile, coding: 'gzip' | 'br', cached: boolean): CodedTile {
  if (coding === 'br') return { bytes: encode(tile.raw, 'br'), tag: 'br' }
  const fast: CodedTile = { bytes: encode(tile.raw, 'gzip', 'fast'), tag: 'gzip1' }
  if (cached)
    void fast.bytes
      .then(() => encode(tile.raw, 'gzip', 'small'))
      .then(
        (bytes) => {
          tile.coded.gzip = { bytes: Promise.resolve(bytes), tag: 'gzip' }
        },
        () => undefined,
      )
  return fast
}

/** A strong ETag of the uncompressed tile (deterministic for the same content); codings add a suffix. */
function etagOf(mvt: Buffer): string {
  return `"${createHash('sha1').update(mvt).digest('base64url').slice(0, 22)}"`
}

/** True when If-None-Match lists this tile's ETag in any coding (or is `*`). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const base = etag.slice(1, -1)
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag || (tag.startsWith(`"${base}-`) && tag.endsWith('"'))
  })
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

/** 400 naming the first parameter the layer cannot take, or 404 for the first area that does not exist. */
async function checkFilter(db: Database, layer: LayerDefinition, filter: ReturnType<typeof parseFilter>) {
  const refusal = await refuseFilter(db, layer, filter)
  const [problem] = refusal?.problems ?? []
  if (!refusal || !problem) return
  throw refusal.kind === 'invalid'
    ? new ParameterError(problem.param, problem.message)
    : new NotFoundError(`Parameter '${problem.param}': ${problem.message}`)
}
