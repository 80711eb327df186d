import { getFeature, MAX_FEATURE_LIMIT, queryFeatures } from '@onemap/db/queries/features'
import { FeatureFilter, LonLatBbox, noNul } from '@onemap/domain/layer-filters'
import { findLayer, MAP_LAYER_IDS, type LayerDefinition } from '@onemap/domain/layers'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { checkSelection } from '../selection.ts'
import { publicProcedure, router } from '../trpc.ts'

type Position = number[]
/** GeoJSON geometry as built by ST_AsGeoJSON (EPSG:4490 lon/lat degrees, 6 decimals). */
export interface GeoJsonGeometry {
  type: 'Point' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon'
  coordinates: Position | Position[] | Position[][] | Position[][][]
}
export interface PublicFeature {
  type: 'Feature'
  id: string
  geometry: GeoJsonGeometry
  /** The layer's public fields (see layers.list `fields`). */
  properties: Record<string, string | number | boolean | null>
}
export interface FeaturePage {
  type: 'FeatureCollection'
  features: PublicFeature[]
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
}
/** A public status change: never who made it or their note. */
export interface PublicStatusChange {
  from: string | null
  to: string
  happened_on: string
  kind: string
}

const LayerParam = z.enum(MAP_LAYER_IDS)
const FeatureId = z
  .string()
  .min(1, 'id must not be empty')
  .max(100, 'id must be at most 100 characters')
  .refine(noNul, 'id must not contain NUL')

export const featuresRouter = router({
  /**
   * One page of a layer's features as a GeoJSON FeatureCollection built in SQL (public fields
   * only), ordered by id; page on with `nextCursor`.
   */
  query: publicProcedure
    .input(
      z.strictObject({
        layer: LayerParam,
        /** [west, south, east, north] in degrees. */
        bbox: LonLatBbox.optional(),
        filter: FeatureFilter.default({}),
        limit: z.number().int().min(1).max(MAX_FEATURE_LIMIT).default(1000),
        cursor: FeatureId.optional(),
      }),
    )
    .query(async ({ ctx, input }): Promise<FeaturePage> => {
      const layer = findLayer(input.layer) as LayerDefinition
      await checkSelection(ctx.db, layer, { filter: input.filter })
      const text = await queryFeatures(ctx.db, layer, input)
      // Parsed once here and serialised once by tRPC: no per-row work in Node, no superjson.
      return JSON.parse(text) as FeaturePage
    }),

  /** One feature with its public status history (oldest first). */
  get: publicProcedure
    .input(z.strictObject({ layer: LayerParam, id: FeatureId }))
    .query(async ({ ctx, input }): Promise<PublicFeature & { history: PublicStatusChange[] }> => {
      const layer = findLayer(input.layer) as LayerDefinition
      const text = await getFeature(ctx.db, layer, input.id)
      if (text === null) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No feature with id '${input.id}' in layer '${layer.id}'` })
      }
      return JSON.parse(text) as PublicFeature & { history: PublicStatusChange[] }
    }),
})
